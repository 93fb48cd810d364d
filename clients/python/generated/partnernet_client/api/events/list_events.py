from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.country import Country
from ...models.event_kind import EventKind
from ...models.list_events_sort import ListEventsSort
from ...models.problem import Problem
from ...models.search_page_event import SearchPageEvent
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    q: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    kind: list[EventKind] | Unset = UNSET,
    region: list[str] | Unset = UNSET,
    country: Country | Unset = UNSET,
    programme_area: bool | Unset = UNSET,
    language: list[str] | Unset = UNSET,
    online: bool | Unset = UNSET,
    topic: list[str] | Unset = UNSET,
    organiser: list[str] | Unset = UNSET,
    near: str | Unset = UNSET,
    near_postal_code: str | Unset = UNSET,
    radius_km: float | Unset = UNSET,
    sort: ListEventsSort | Unset = UNSET,
    facets: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["q"] = q

    params["from"] = from_

    params["to"] = to

    json_kind: list[str] | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = []
        for kind_item_data in kind:
            kind_item = kind_item_data.value
            json_kind.append(kind_item)


    params["kind"] = json_kind

    json_region: list[str] | Unset = UNSET
    if not isinstance(region, Unset):
        json_region = region


    params["region"] = json_region

    json_country: str | Unset = UNSET
    if not isinstance(country, Unset):
        json_country = country.value

    params["country"] = json_country

    params["programme_area"] = programme_area

    json_language: list[str] | Unset = UNSET
    if not isinstance(language, Unset):
        json_language = language


    params["language"] = json_language

    params["online"] = online

    json_topic: list[str] | Unset = UNSET
    if not isinstance(topic, Unset):
        json_topic = topic


    params["topic"] = json_topic

    json_organiser: list[str] | Unset = UNSET
    if not isinstance(organiser, Unset):
        json_organiser = organiser


    params["organiser"] = json_organiser

    params["near"] = near

    params["near_postal_code"] = near_postal_code

    params["radius_km"] = radius_km

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["facets"] = facets

    params["limit"] = limit

    params["cursor"] = cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/events",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SearchPageEvent | None:
    if response.status_code == 200:
        response_200 = SearchPageEvent.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())



        return response_414

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if response.status_code == 431:
        response_431 = Problem.from_dict(response.json())



        return response_431

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())



        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SearchPageEvent]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    kind: list[EventKind] | Unset = UNSET,
    region: list[str] | Unset = UNSET,
    country: Country | Unset = UNSET,
    programme_area: bool | Unset = UNSET,
    language: list[str] | Unset = UNSET,
    online: bool | Unset = UNSET,
    topic: list[str] | Unset = UNSET,
    organiser: list[str] | Unset = UNSET,
    near: str | Unset = UNSET,
    near_postal_code: str | Unset = UNSET,
    radius_km: float | Unset = UNSET,
    sort: ListEventsSort | Unset = UNSET,
    facets: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[Problem | SearchPageEvent]:
    """ Find events

     Upcoming events (those that have not ended) soonest first, or as filtered: by time, kind,
    place, language, topic, organiser, distance and words, through the same search as the
    company directory. Cancelled events stay listed with `status: cancelled`; drafts never
    appear.

    Args:
        q (str | Unset):
        from_ (str | Unset):
        to (str | Unset):
        kind (list[EventKind] | Unset):
        region (list[str] | Unset):
        country (Country | Unset):
        programme_area (bool | Unset):
        language (list[str] | Unset):
        online (bool | Unset):
        topic (list[str] | Unset):
        organiser (list[str] | Unset):
        near (str | Unset):
        near_postal_code (str | Unset):
        radius_km (float | Unset):
        sort (ListEventsSort | Unset):
        facets (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SearchPageEvent]
     """


    kwargs = _get_kwargs(
        q=q,
from_=from_,
to=to,
kind=kind,
region=region,
country=country,
programme_area=programme_area,
language=language,
online=online,
topic=topic,
organiser=organiser,
near=near,
near_postal_code=near_postal_code,
radius_km=radius_km,
sort=sort,
facets=facets,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    kind: list[EventKind] | Unset = UNSET,
    region: list[str] | Unset = UNSET,
    country: Country | Unset = UNSET,
    programme_area: bool | Unset = UNSET,
    language: list[str] | Unset = UNSET,
    online: bool | Unset = UNSET,
    topic: list[str] | Unset = UNSET,
    organiser: list[str] | Unset = UNSET,
    near: str | Unset = UNSET,
    near_postal_code: str | Unset = UNSET,
    radius_km: float | Unset = UNSET,
    sort: ListEventsSort | Unset = UNSET,
    facets: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Problem | SearchPageEvent | None:
    """ Find events

     Upcoming events (those that have not ended) soonest first, or as filtered: by time, kind,
    place, language, topic, organiser, distance and words, through the same search as the
    company directory. Cancelled events stay listed with `status: cancelled`; drafts never
    appear.

    Args:
        q (str | Unset):
        from_ (str | Unset):
        to (str | Unset):
        kind (list[EventKind] | Unset):
        region (list[str] | Unset):
        country (Country | Unset):
        programme_area (bool | Unset):
        language (list[str] | Unset):
        online (bool | Unset):
        topic (list[str] | Unset):
        organiser (list[str] | Unset):
        near (str | Unset):
        near_postal_code (str | Unset):
        radius_km (float | Unset):
        sort (ListEventsSort | Unset):
        facets (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SearchPageEvent
     """


    return sync_detailed(
        client=client,
q=q,
from_=from_,
to=to,
kind=kind,
region=region,
country=country,
programme_area=programme_area,
language=language,
online=online,
topic=topic,
organiser=organiser,
near=near,
near_postal_code=near_postal_code,
radius_km=radius_km,
sort=sort,
facets=facets,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    kind: list[EventKind] | Unset = UNSET,
    region: list[str] | Unset = UNSET,
    country: Country | Unset = UNSET,
    programme_area: bool | Unset = UNSET,
    language: list[str] | Unset = UNSET,
    online: bool | Unset = UNSET,
    topic: list[str] | Unset = UNSET,
    organiser: list[str] | Unset = UNSET,
    near: str | Unset = UNSET,
    near_postal_code: str | Unset = UNSET,
    radius_km: float | Unset = UNSET,
    sort: ListEventsSort | Unset = UNSET,
    facets: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[Problem | SearchPageEvent]:
    """ Find events

     Upcoming events (those that have not ended) soonest first, or as filtered: by time, kind,
    place, language, topic, organiser, distance and words, through the same search as the
    company directory. Cancelled events stay listed with `status: cancelled`; drafts never
    appear.

    Args:
        q (str | Unset):
        from_ (str | Unset):
        to (str | Unset):
        kind (list[EventKind] | Unset):
        region (list[str] | Unset):
        country (Country | Unset):
        programme_area (bool | Unset):
        language (list[str] | Unset):
        online (bool | Unset):
        topic (list[str] | Unset):
        organiser (list[str] | Unset):
        near (str | Unset):
        near_postal_code (str | Unset):
        radius_km (float | Unset):
        sort (ListEventsSort | Unset):
        facets (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SearchPageEvent]
     """


    kwargs = _get_kwargs(
        q=q,
from_=from_,
to=to,
kind=kind,
region=region,
country=country,
programme_area=programme_area,
language=language,
online=online,
topic=topic,
organiser=organiser,
near=near,
near_postal_code=near_postal_code,
radius_km=radius_km,
sort=sort,
facets=facets,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    kind: list[EventKind] | Unset = UNSET,
    region: list[str] | Unset = UNSET,
    country: Country | Unset = UNSET,
    programme_area: bool | Unset = UNSET,
    language: list[str] | Unset = UNSET,
    online: bool | Unset = UNSET,
    topic: list[str] | Unset = UNSET,
    organiser: list[str] | Unset = UNSET,
    near: str | Unset = UNSET,
    near_postal_code: str | Unset = UNSET,
    radius_km: float | Unset = UNSET,
    sort: ListEventsSort | Unset = UNSET,
    facets: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Problem | SearchPageEvent | None:
    """ Find events

     Upcoming events (those that have not ended) soonest first, or as filtered: by time, kind,
    place, language, topic, organiser, distance and words, through the same search as the
    company directory. Cancelled events stay listed with `status: cancelled`; drafts never
    appear.

    Args:
        q (str | Unset):
        from_ (str | Unset):
        to (str | Unset):
        kind (list[EventKind] | Unset):
        region (list[str] | Unset):
        country (Country | Unset):
        programme_area (bool | Unset):
        language (list[str] | Unset):
        online (bool | Unset):
        topic (list[str] | Unset):
        organiser (list[str] | Unset):
        near (str | Unset):
        near_postal_code (str | Unset):
        radius_km (float | Unset):
        sort (ListEventsSort | Unset):
        facets (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SearchPageEvent
     """


    return (await asyncio_detailed(
        client=client,
q=q,
from_=from_,
to=to,
kind=kind,
region=region,
country=country,
programme_area=programme_area,
language=language,
online=online,
topic=topic,
organiser=organiser,
near=near,
near_postal_code=near_postal_code,
radius_km=radius_km,
sort=sort,
facets=facets,
limit=limit,
cursor=cursor,

    )).parsed
