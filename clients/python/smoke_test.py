"""A real flow through the generated Python client only, against a running server.

    PARTNERNET_URL=http://127.0.0.1:8080 python clients/python/smoke_test.py

scripts/sdk-smoke.sh starts a server on SQLite with demo data and runs this.
"""

import datetime
import http.server
import json
import os
import queue
import sys
import threading
import time
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "generated"))

from partnernet_client import AuthenticatedClient, Client  # noqa: E402
from partnernet_client.api.api_keys import create_api_key, get_api_key_usage, list_all_api_keys  # noqa: E402
from partnernet_client.api.auth import login, refresh_session, register  # noqa: E402
from partnernet_client.api.data_access import get_statistics, list_changes  # noqa: E402
from partnernet_client.api.companies import (  # noqa: E402
    create_company,
    get_company,
    list_companies,
    list_recommendations,
    update_company,
    verify_company,
)
from partnernet_client.api.events import (  # noqa: E402
    create_event,
    get_event_calendar,
    list_events,
    register_for_event,
)
from partnernet_client.api.me import (  # noqa: E402
    get_me,
    list_notifications,
    mark_notification_read,
    update_me,
)
from partnernet_client.api.opportunities import (  # noqa: E402
    create_opportunity,
    list_opportunities,
)
from partnernet_client.api.partnerships import (  # noqa: E402
    propose_partnership,
    step_partnership,
)
from partnernet_client.api.products import create_product  # noqa: E402
from partnernet_client.api.webhooks import (  # noqa: E402
    create_webhook,
    delete_webhook,
    get_webhook,
    list_webhook_deliveries,
    list_webhooks,
    rotate_webhook_secret,
    update_webhook,
)
from partnernet_client.models import (  # noqa: E402
    AddressInput,
    ProfileChange,
    ApiScope,
    ChangeEntity,
    CompanyInput,
    CompanyKind,
    CompanyPatch,
    CompanyStatus,
    Country,
    CapacityInput,
    Credentials,
    DeliveryStatus,
    EventInput,
    EventKind,
    EventStatus,
    EventTimeZone,
    Language,
    NewApiKey,
    NewWebhook,
    OpportunityInput,
    OpportunityStatus,
    OpportunityType,
    ParticipantInput,
    ParticipationKind,
    PartnershipStatus,
    PartnershipStep,
    PartnershipType,
    Problem,
    ProductInput,
    ProductKind,
    ProductName,
    ProposalInput,
    RefreshRequest,
    RegistrationInput,
    RegistrationStatus,
    SignUp,
    StepInput,
    TitleInput,
    VenueInput,
    WebhookPatch,
    WebhookStatus,
)
import standardwebhooks  # noqa: E402

BASE_URL = os.environ.get("PARTNERNET_URL", "http://127.0.0.1:8080")


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def verify_a_webhook_delivery(user, chamber):
    """A receiver on this machine (the server runs in development mode, which allows it)
    subscribes to companies; the next published company arrives signed, and the independent
    standardwebhooks package verifies the signature."""
    received = queue.Queue()

    class Receiver(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["content-length"]))
            received.put(({k.lower(): v for k, v in self.headers.items()}, body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    key = create_api_key.sync(
        chamber.id, client=user, body=NewApiKey(name="Webhooks", scopes=[ApiScope.WEBHOOKS, ApiScope.READ])
    )
    hooks = AuthenticatedClient(base_url=BASE_URL, token=key.secret)
    url = f"http://127.0.0.1:{server.server_port}/partnernet"
    subscription = create_webhook.sync(client=hooks, body=NewWebhook(url=url, entities=[ChangeEntity.COMPANY]))
    check(not isinstance(subscription, Problem) and subscription.secret.startswith("whsec_"), f"webhook: {subscription}")
    check(get_webhook.sync(subscription.id, client=hooks).status == WebhookStatus.ACTIVE, "the webhook is active")
    check([w.id for w in list_webhooks.sync(client=hooks).items] == [subscription.id], "the webhook is listed")
    glassworks = create_company.sync(
        client=user,
        body=CompanyInput(
            kind=CompanyKind.COMPANY,
            name="Smoke Sklárna s.r.o.",
            address=AddressInput(country=Country.CZ, postal_code="40001"),
            status=CompanyStatus.PUBLISHED,
        ),
    )
    headers, body = received.get(timeout=30)
    payload = standardwebhooks.Webhook(subscription.secret).verify(body, headers)
    check(payload["type"] == "partnernet.changes", f"payload: {payload}")
    check(glassworks.id in [item["id"] for item in payload["data"]["items"]], "the delivery names the new company")
    for _ in range(50):
        deliveries = list_webhook_deliveries.sync(subscription.id, client=hooks)
        if deliveries.items and deliveries.items[0].status == DeliveryStatus.DELIVERED:
            break
        time.sleep(0.1)
    check(deliveries.items[0].id == headers["webhook-id"], f"the delivery log: {deliveries}")
    check(deliveries.items[0].last_status_code == 204, "the log has the receiver's answer")
    rotated = rotate_webhook_secret.sync(subscription.id, client=hooks)
    check(rotated.secret.startswith("whsec_") and rotated.secret != subscription.secret, "rotated")
    paused = update_webhook.sync(subscription.id, client=hooks, body=WebhookPatch(status=WebhookStatus.PAUSED))
    check(paused.status == WebhookStatus.PAUSED, f"paused: {paused}")
    check(delete_webhook.sync_detailed(subscription.id, client=hooks).status_code == 204, "deleted")
    server.shutdown()


def main():
    anonymous = Client(base_url=BASE_URL, raise_on_unexpected_status=True)
    email = f"smoke-{uuid.uuid4().hex[:8]}@example.org"
    password = "smoke test password 2026"

    # Register, log in, refresh.
    created = register.sync_detailed(
        client=anonymous,
        body=SignUp(email=email, password=password, name="Smoke Test", language=Language.DE),
    )
    check(created.status_code == 201, f"register: {created.status_code} {created.content!r}")
    session = login.sync(client=anonymous, body=Credentials(email=email, password=password))
    check(session is not None and session.access_token, "login gave no tokens")
    session = refresh_session.sync(
        client=anonymous, body=RefreshRequest(refresh_token=session.refresh_token)
    )
    check(session is not None and session.access_token, "refresh gave no tokens")
    user = AuthenticatedClient(base_url=BASE_URL, token=session.access_token)

    # Create and publish a German sawmill with a product.
    company = create_company.sync(
        client=user,
        body=CompanyInput(
            kind=CompanyKind.COMPANY,
            name="Smoke Sägewerk GmbH",
            address=AddressInput(country=Country.DE, postal_code="01067", city="Dresden"),
            industries=["16.10"],
            status=CompanyStatus.PUBLISHED,
        ),
    )
    check(not isinstance(company, Problem) and company is not None, f"create company: {company}")
    # Created with an Idempotency-Key: sent again, the same product answers, nothing new.
    retry_key = str(uuid.uuid4())
    timber = ProductInput(
        kind=ProductKind.PRODUCT,
        name=ProductName(de="Schnittholz aus Fichte"),
        industries=["16.10"],
    )
    product = create_product.sync(company.id, client=user, body=timber, idempotency_key=retry_key)
    check(not isinstance(product, Problem) and product is not None, f"create product: {product}")
    again = create_product.sync_detailed(company.id, client=user, body=timber, idempotency_key=retry_key)
    check(again.status_code == 201 and again.parsed.id == product.id, f"replay: {again.status_code}")
    check(again.headers.get("idempotent-replayed") == "true", "the replay is not marked")

    # Find it by the Czech word for sawmill, with facets.
    found = list_companies.sync(client=anonymous, q="pila", facets="country")
    ids = [item.id for item in found.items]
    check(company.id in ids, f"'pila' did not find the new sawmill: {ids}")
    check(found.facets is not None, "no facets")

    # Page through a list with the cursor: no company twice.
    seen, cursor = [], None
    for _ in range(3):
        page = list_companies.sync(client=anonymous, limit=5, cursor=cursor)
        seen += [item.id for item in page.items]
        cursor = page.next_cursor
        if not cursor:
            break
    check(len(seen) == len(set(seen)) and len(seen) >= 10, f"paging: {seen}")

    # Update with If-Match; a stale ETag gets 412.
    current = get_company.sync_detailed(company.id, client=user)
    etag = current.headers["etag"]
    updated = update_company.sync_detailed(
        company.id, client=user, body=CompanyPatch(website="https://saegewerk.example"), if_match=etag
    )
    check(updated.status_code == 200, f"update: {updated.status_code} {updated.content!r}")
    stale = update_company.sync_detailed(
        company.id, client=user, body=CompanyPatch(website="https://old.example"), if_match=etag
    )
    check(stale.status_code == 412, f"stale update: {stale.status_code}")
    check(isinstance(stale.parsed, Problem) and stale.parsed.code == "precondition_failed", "412 problem")

    # The account has an ETag too: a stale If-Match changes nothing.
    me = get_me.sync_detailed(client=user)
    renamed = update_me.sync_detailed(client=user, body=ProfileChange(name="Smoke Tester"), if_match=me.headers["etag"])
    check(renamed.status_code == 200, f"update me: {renamed.status_code}")
    lost = update_me.sync_detailed(client=user, body=ProfileChange(name="Lost"), if_match=me.headers["etag"])
    check(lost.status_code == 412, f"stale update of me: {lost.status_code}")

    # An API key of a multiplier institution reads with it.
    chamber = create_company.sync(
        client=user,
        body=CompanyInput(
            kind=CompanyKind.MULTIPLIER,
            name="Smoke Handelskammer",
            address=AddressInput(country=Country.DE, postal_code="01067", city="Dresden"),
            status=CompanyStatus.PUBLISHED,
        ),
    )
    # Only multiplier institutions an administrator has verified hold keys.
    refused = create_api_key.sync_detailed(
        chamber.id, client=user, body=NewApiKey(name="CRM", scopes=[ApiScope.READ])
    )
    check(refused.status_code == 409, f"unverified chamber's key: {refused.status_code}")
    admin_session = login.sync(
        client=anonymous,
        body=Credentials(email=os.environ["PARTNERNET_ADMIN_EMAIL"], password=os.environ["PARTNERNET_ADMIN_PASSWORD"]),
    )
    admin = AuthenticatedClient(base_url=BASE_URL, token=admin_session.access_token)
    verified = verify_company.sync(chamber.id, client=admin)
    check(not isinstance(verified, Problem) and verified.verified, f"verify: {verified}")
    key = create_api_key.sync(
        chamber.id, client=user, body=NewApiKey(name="CRM", scopes=[ApiScope.READ, ApiScope.CHANGES, ApiScope.EXPORT, ApiScope.STATS])
    )
    check(not isinstance(key, Problem) and key.secret.startswith("pn_"), f"api key: {key}")
    machine = AuthenticatedClient(base_url=BASE_URL, token=key.secret)
    read = get_company.sync_detailed(company.id, client=machine)
    check(read.status_code == 200 and read.parsed.id == company.id, f"read with key: {read.status_code}")
    # The key follows the change feed from the start: the sawmill's edit is in it.
    after, seen = 0, set()
    while True:
        page = list_changes.sync(client=machine, after=after, limit=1000)
        check(page is not None and not isinstance(page, Problem), f"changes: {page}")
        seen.update(item.id for item in page.items if item.entity == ChangeEntity.COMPANY)
        after = page.next_after
        if after >= page.latest:
            break
    check(company.id in seen, "the feed names the sawmill")
    # The key exports the directory (NDJSON, streamed; the generated client's httpx session
    # reads it, since a stream of lines is not one JSON document).
    exported = machine.get_httpx_client().get("/v1/export/companies", params={"country": "DE", "nace": "16"})
    check(exported.status_code == 200, f"export: {exported.status_code}")
    check(int(exported.headers["x-change-position"]) > 0, "the export names its position")
    lines = [json.loads(line) for line in exported.text.splitlines() if line]
    check(company.id in [line["id"] for line in lines], "the sawmill is exported")
    check(all(line["address"]["country"] == "DE" for line in lines), "the export is filtered")
    for what in ("products", "events", "opportunities"):
        exported = machine.get_httpx_client().get(f"/v1/export/{what}", params={"format": "ndjson"})
        check(exported.status_code == 200, f"export {what}: {exported.status_code}")
        check(int(exported.headers["x-change-position"]) > 0, f"the {what} export names its position")
        check(all(json.loads(line)["id"] for line in exported.text.splitlines() if line), f"{what} lines")
    # Statistics, and the administrator's view of every key.
    statistics = get_statistics.sync(client=machine, group_by="country")
    check(statistics is not None and not isinstance(statistics, Problem), f"statistics: {statistics}")
    check(statistics.companies.total > 0 and statistics.companies.country, "statistics count companies")
    keys = list_all_api_keys.sync(client=admin, limit=100)
    check(any(item.id == key.id for item in keys.items), "the administrator sees the key")
    usage = get_api_key_usage.sync(chamber.id, key.id, client=user)
    check(not isinstance(usage, Problem) and usage.total >= 4, f"the key's usage: {usage}")
    verify_a_webhook_delivery(user, chamber)

    # The chamber publishes an event with one exhibitor place; it is listed, the sawmill takes
    # the place, and the event's calendar file downloads in Czech.
    day = (datetime.date.today() + datetime.timedelta(days=40)).isoformat()
    event = create_event.sync(
        client=user,
        body=EventInput(
            organiser_id=chamber.id,
            kind=EventKind.COOPERATION_EXCHANGE,
            title=TitleInput(de="Smoke Zulieferbörse", cs="Smoke burza subdodavatelů"),
            starts_at=f"{day}T09:00",
            ends_at=f"{day}T16:00",
            time_zone=EventTimeZone.EUROPEBERLIN,
            venue=VenueInput(
                name="Messe Dresden",
                address=AddressInput(country=Country.DE, postal_code="01067", city="Dresden"),
            ),
            capacity=CapacityInput(exhibitors=1),
            status=EventStatus.PUBLISHED,
        ),
    )
    check(not isinstance(event, Problem) and event is not None, f"create event: {event}")
    upcoming = list_events.sync(client=anonymous, organiser=[chamber.id])
    check([item.id for item in upcoming.items] == [event.id], f"events: {upcoming}")
    taken = register_for_event.sync(
        event.id,
        client=user,
        body=RegistrationInput(
            company_id=company.id,
            kind=ParticipationKind.EXHIBITOR,
            participants=[ParticipantInput(name="Jan Novák", email="jan@example.cz", language=Language.CS)],
            listed=True,
        ),
    )
    check(
        not isinstance(taken, Problem) and taken.status == RegistrationStatus.CONFIRMED,
        f"register: {taken}",
    )
    calendar = get_event_calendar.sync_detailed(event.id, client=anonymous, lang=Language.CS)
    text = calendar.content.decode()
    check(calendar.status_code == 200 and "BEGIN:VEVENT" in text, f"calendar: {calendar.status_code}")
    check(f"UID:{event.id}@" in text and "Smoke burza" in text, "calendar content")

    # The sawmill publishes a request for a Czech supplier; it is found by its Czech word.
    request = create_opportunity.sync(
        client=user,
        body=OpportunityInput(
            company_id=company.id,
            type_=OpportunityType.BUSINESS_REQUEST,
            title=TitleInput(de="Suche Zulieferer für Rundholz"),
            keywords=["Fichte"],
            partnership_types=[PartnershipType.SUPPLIER],
            valid_until=datetime.date.today() + datetime.timedelta(days=60),
            status=OpportunityStatus.PUBLISHED,
        ),
    )
    check(not isinstance(request, Problem) and request is not None, f"opportunity: {request}")
    requests = list_opportunities.sync(client=anonymous, q="dodavatel", company=[company.id])
    check([item.id for item in requests.items] == [request.id], f"opportunities: {requests}")

    # The chamber answers the request with a proposal; the sawmill's side accepts it.
    proposed = propose_partnership.sync(
        client=user,
        body=ProposalInput(
            from_company_id=chamber.id,
            to_company_id=company.id,
            type_=PartnershipType.SUPPLIER,
            message="Unsere Mitglieder liefern Rundholz.",
            opportunity_id=request.id,
        ),
    )
    check(not isinstance(proposed, Problem) and proposed is not None, f"propose: {proposed}")
    accepted = step_partnership.sync(
        proposed.id, client=user, body=StepInput(step=PartnershipStep.ACCEPT, message="Gern!")
    )
    check(
        not isinstance(accepted, Problem) and accepted.status == PartnershipStatus.ACCEPTED,
        f"accept: {accepted}",
    )
    check([entry.step for entry in accepted.thread] == ["propose", "accept"], "thread")
    # The user is on both sides: told of the interest, then of the acceptance.
    told = list_notifications.sync(client=user)
    kinds = [item.kind for item in told.items]
    check(kinds == ["partnership_accepted", "interest_expressed"], f"notifications: {kinds}")
    read = mark_notification_read.sync_detailed(told.items[0].id, client=user)
    check(read.status_code == 204, f"mark read: {read.status_code}")
    unread = list_notifications.sync(client=user, unread=True)
    check([item.kind for item in unread.items] == ["interest_expressed"], f"unread: {unread}")

    # Recommendations for the sawmill, best first, each explained in Czech.
    recommended = list_recommendations.sync(company.id, client=user, lang=Language.CS)
    check(recommended is not None and not isinstance(recommended, Problem), f"recommendations: {recommended}")
    scores = [item.score for item in recommended.items]
    check(scores == sorted(scores, reverse=True), f"recommendation order: {scores}")
    check(all(item.reasons for item in recommended.items), "every recommendation says why")

    # A problem's code, from an error.
    missing = get_company.sync_detailed("no-such-company", client=anonymous)
    check(missing.status_code == 404, f"missing: {missing.status_code}")
    check(isinstance(missing.parsed, Problem) and missing.parsed.code == "not_found", "404 problem")

    print("python SDK smoke flow: ok")


if __name__ == "__main__":
    main()
