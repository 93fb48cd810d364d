//! Webhook subscriptions of multiplier systems: a URL gets the change feed's entries pushed in
//! signed batches (Standard Webhooks), instead of polling `GET /v1/changes`.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, web};
use chrono::{DateTime, Utc};
use domain::account::ApiScope;
use domain::webhook::{DeliveryStatus, WebhookStatus, WebhookUrl};
use persistence::changes;
use persistence::clock::now;
use persistence::companies::new_id;
use persistence::webhooks::{self, DeliveryRow, WebhookChanges, WebhookRow};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::changes::{ChangeDto, ChangeEntity};
use crate::auth::Caller;
use crate::body::Json;
use crate::conditional::{self, IfMatchHeader, IfNoneMatchHeader, Precondition};
use crate::db::Db;
use crate::error::{ApiError, FieldError, Problem};
use crate::pagination::{self, Page, PageParams};
use crate::policy;
use crate::query;
use crate::webhooks::{Targets, signature};

/// Subscriptions one organisation may hold.
pub const MAX_WEBHOOKS: usize = 10;
/// How long the previous secret still signs after a rotation.
const ROTATION_OVERLAP: chrono::Duration = chrono::Duration::hours(24);

/// What a delivery's body holds: `{"type": "partnernet.changes", "timestamp", "data"}`.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookPayload {
    /// Always `partnernet.changes`.
    #[serde(rename = "type")]
    #[schema(example = "partnernet.changes")]
    pub type_: &'static str,
    /// When the batch was put together.
    pub timestamp: DateTime<Utc>,
    pub data: ChangeBatch,
}

impl WebhookPayload {
    pub fn new(data: ChangeBatch) -> Self {
        Self {
            type_: "partnernet.changes",
            timestamp: Utc::now(),
            data,
        }
    }
}

/// Change-feed entries of one delivery, in commit order.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChangeBatch {
    pub first_seq: i64,
    /// Where the next delivery continues; you may also follow `GET /v1/changes` from here.
    pub last_seq: i64,
    pub items: Vec<ChangeDto>,
}

/// A new subscription.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewWebhook {
    /// Where deliveries are `POST`ed: `https://` on the public internet.
    #[schema(
        example = "https://crm.ihk-chemnitz.example/hooks/partnernet",
        max_length = 2000
    )]
    pub url: String,
    /// What it receives.
    #[schema(min_items = 1, max_items = 4)]
    pub entities: Vec<ChangeEntity>,
    /// Start after this change-log position (an export's `X-Change-Position`); default: the
    /// latest, so only changes from now on.
    #[schema(value_type = Option<i64>, minimum = 0)]
    pub after: Option<serde_json::Number>,
}

/// Changes to a subscription: only the fields sent change.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WebhookPatch {
    #[schema(max_length = 2000)]
    pub url: Option<String>,
    #[schema(min_items = 1, max_items = 4)]
    pub entities: Option<Vec<ChangeEntity>>,
    /// `paused` stops deliveries; `active` resumes them where they stopped, retrying a
    /// delivery that had run out of retries.
    pub status: Option<WebhookStatusDto>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = WebhookStatus)]
pub enum WebhookStatusDto {
    Active,
    Paused,
}

mirror_enum!(WebhookStatusDto, WebhookStatus { Active, Paused });

/// A subscription. Its secret is shown only when created or rotated.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Webhook)]
pub struct WebhookDto {
    pub id: String,
    pub url: String,
    pub entities: Vec<ChangeEntity>,
    pub status: WebhookStatusDto,
    /// Why it is paused, when the platform paused it.
    pub paused_reason: Option<String>,
    /// The change-log position up to which entries are in deliveries.
    pub planned_through: i64,
    /// Whether deliveries show contact persons: the creating key held the `read` scope.
    pub with_contacts: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl WebhookDto {
    fn new(row: WebhookRow) -> Result<Self, ApiError> {
        let status = WebhookStatus::parse(&row.status).map_err(ApiError::internal)?;
        Ok(Self {
            entities: row.entity_names().filter_map(ChangeEntity::of).collect(),
            id: row.id,
            url: row.url,
            status: status.into(),
            paused_reason: row.paused_reason,
            planned_through: row.planned_through,
            with_contacts: row.with_contacts,
            created_at: row.created_at.and_utc(),
            updated_at: row.updated_at.and_utc(),
        })
    }
}

/// A new subscription with its signing secret, shown only in this response.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedWebhook {
    #[serde(flatten)]
    pub webhook: WebhookDto,
    /// The Standard Webhooks secret (`whsec_...`) that signs deliveries. Store it now: it
    /// cannot be shown again.
    pub secret: String,
}

/// A rotated secret.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookSecret {
    /// The new secret (`whsec_...`), shown only now.
    pub secret: String,
    /// Until then deliveries carry a signature by the previous secret too.
    pub previous_valid_until: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = DeliveryStatus)]
pub enum DeliveryStatusDto {
    /// Waiting for its first attempt or a retry.
    Pending,
    Delivered,
    /// Retries ran out and the subscription was paused; resuming it sends this again.
    Failed,
}

mirror_enum!(
    DeliveryStatusDto,
    DeliveryStatus {
        Pending,
        Delivered,
        Failed
    }
);

/// One delivery of the log.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = WebhookDelivery)]
pub struct DeliveryDto {
    /// Sent as `webhook-id`; the same in every attempt.
    pub id: String,
    pub status: DeliveryStatusDto,
    pub first_seq: i64,
    pub last_seq: i64,
    pub entries: i32,
    pub attempts: i32,
    /// The receiver's status code in the last attempt; `null` when it did not answer.
    pub last_status_code: Option<i32>,
    pub last_error: Option<String>,
    /// When a pending delivery is tried next.
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub delivered_at: Option<DateTime<Utc>>,
}

impl DeliveryDto {
    fn new(row: DeliveryRow) -> Result<Self, ApiError> {
        let status = DeliveryStatus::parse(&row.status).map_err(ApiError::internal)?;
        Ok(Self {
            id: row.id,
            status: status.into(),
            first_seq: row.first_seq,
            last_seq: row.last_seq,
            entries: row.entries,
            attempts: row.attempts,
            last_status_code: row.last_status_code,
            last_error: row.last_error,
            next_attempt_at: (status == DeliveryStatus::Pending)
                .then(|| row.next_attempt_at.and_utc()),
            created_at: row.created_at.and_utc(),
            delivered_at: row.delivered_at.map(|t| t.and_utc()),
        })
    }
}

/// The receiver address, checked for form and, unless in development, for a public target.
async fn receiver(targets: &Targets, raw: &str) -> Result<WebhookUrl, ApiError> {
    let url = WebhookUrl::parse(raw).map_err(|e| ApiError::invalid_field("/url", e))?;
    targets
        .check(&url)
        .await
        .map_err(|e| ApiError::invalid_field("/url", e))?;
    Ok(url)
}

/// A change-log position: a whole number, which JSON may also write as `12.0`.
fn position(raw: &serde_json::Number) -> Result<i64, ApiError> {
    let whole = raw.as_i64().or_else(|| {
        raw.as_f64()
            .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e18)
            .map(|f| f as i64)
    });
    whole.filter(|n| *n >= 0).ok_or_else(|| {
        ApiError::InvalidBody(vec![FieldError::pointer(
            "/after",
            "out_of_range",
            format!("'{raw}' is not a change-log position: a whole number from 0"),
        )])
    })
}

/// The entity list as stored: each once, in a fixed order; at least one.
fn entity_list(entities: &[ChangeEntity]) -> Result<String, ApiError> {
    let chosen: Vec<&str> = ChangeEntity::ALL
        .iter()
        .filter(|e| entities.contains(e))
        .map(|e| e.logged())
        .collect();
    if chosen.is_empty() {
        return Err(ApiError::InvalidBody(vec![FieldError::pointer(
            "/entities",
            "required",
            "name at least one of company, product, event, opportunity",
        )]));
    }
    Ok(chosen.join(","))
}

/// Subscribe to changes
///
/// For API keys with the `webhooks` scope; the subscription belongs to the key's organisation.
/// Deliveries `POST` batches of change-feed entries (`WebhookPayload`) with the Standard
/// Webhooks headers `webhook-id`, `webhook-timestamp` and `webhook-signature`, retried with
/// backoff for 24 hours; then the subscription is paused and the organisation told. The
/// response holds the signing secret, shown only now. Addresses that are or resolve to
/// loopback, private or link-local addresses are refused (outside development).
#[utoipa::path(
    operation_id = "createWebhook",
    tag = "webhooks",
    request_body = NewWebhook,
    security(("api_key" = ["webhooks"])),
    responses(
        (status = 201, description = "The subscription with its secret", body = CreatedWebhook, headers(("Location" = String, description = "The subscription's address"))),
        (status = 400, description = "The body is malformed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an API key with the `webhooks` scope", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The organisation holds the most subscriptions it may", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The address is invalid or not public, or `after` is outside the log", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/webhooks")]
pub async fn create(
    caller: Caller,
    db: web::Data<Db>,
    targets: web::Data<Targets>,
    body: Json<NewWebhook>,
) -> Result<HttpResponse, ApiError> {
    let key = caller.key_with_scope(ApiScope::Webhooks)?.clone();
    let NewWebhook {
        url,
        entities,
        after,
    } = body.0;
    let entities = entity_list(&entities)?;
    let after = after.as_ref().map(position).transpose()?;
    let url = receiver(&targets, &url).await?;
    let secret = signature::new_secret().map_err(ApiError::internal)?;
    let with_contacts = caller.sees_contacts();
    let created_secret = secret.clone();
    let row = db
        .run(move |conn| {
            if webhooks::of_company(conn, &key.company_id)?.len() >= MAX_WEBHOOKS {
                return Err(ApiError::conflict(
                    "too_many_webhooks",
                    format!(
                        "an organisation holds at most {MAX_WEBHOOKS} subscriptions; \
                         delete one or widen one's entities"
                    ),
                ));
            }
            let latest = changes::latest(conn)?;
            let pruned = changes::pruned_through(conn)?;
            let start = after.unwrap_or(latest);
            if !(pruned..=latest).contains(&start) {
                return Err(ApiError::InvalidBody(vec![FieldError::pointer(
                    "/after",
                    "outside_the_log",
                    format!(
                        "the change log holds positions {pruned} to {latest}; start within \
                         them (export again for a fresh position)"
                    ),
                )]));
            }
            let at = now();
            let row = WebhookRow {
                id: new_id(),
                company_id: key.company_id.clone(),
                url: url.as_str().to_owned(),
                entities,
                with_contacts,
                secret,
                previous_secret: None,
                previous_secret_until: None,
                status: WebhookStatus::Active.as_str().to_owned(),
                paused_reason: None,
                planned_through: start,
                created_by: key.id.clone(),
                created_at: at,
                updated_at: at,
                version: 1,
            };
            webhooks::insert(conn, &row)?;
            Ok(row)
        })
        .await?;
    let location = format!("/v1/webhooks/{}", row.id);
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, location))
        .json(CreatedWebhook {
            webhook: WebhookDto::new(row)?,
            secret: created_secret,
        }))
}

/// List subscriptions
///
/// For API keys with the `webhooks` scope: the subscriptions of the key's organisation.
#[utoipa::path(
    operation_id = "listWebhooks",
    tag = "webhooks",
    security(("api_key" = ["webhooks"])),
    responses(
        (status = 200, description = "All of the organisation's subscriptions, in one page", body = Page<WebhookDto>),
        (status = 401, description = "No API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an API key with the `webhooks` scope", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/webhooks")]
pub async fn list(caller: Caller, db: web::Data<Db>) -> Result<HttpResponse, ApiError> {
    let key = caller.key_with_scope(ApiScope::Webhooks)?.clone();
    let rows = db
        .run(move |conn| Ok(webhooks::of_company(conn, &key.company_id)?))
        .await?;
    let items = rows
        .into_iter()
        .map(WebhookDto::new)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(HttpResponse::Ok().json(Page::whole(items)))
}

/// Read a subscription
#[utoipa::path(
    operation_id = "getWebhook",
    tag = "webhooks",
    params(("id" = String, Path, description = "The subscription's id"), IfNoneMatchHeader),
    security(("api_key" = ["webhooks"])),
    responses(
        (status = 200, description = "The subscription", body = WebhookDto, headers(("ETag" = String, description = "The subscription's version, for `If-Match` when changing it"))),
        (status = 304, description = "Not modified since the ETag in If-None-Match"),
        (status = 401, description = "No API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an API key with the `webhooks` scope", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "The organisation has no subscription with this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/webhooks/{id}")]
pub async fn get(
    req: HttpRequest,
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let key = caller.key_with_scope(ApiScope::Webhooks)?.clone();
    let id = id.into_inner();
    let row = db
        .run(move |conn| policy::webhook_of(conn, &key, &id))
        .await?;
    let version = row.version;
    let webhook = WebhookDto::new(row)?;
    let etag = conditional::versioned(version, &webhook)?;
    Ok(conditional::respond(&req, etag, |mut response| {
        response.json(webhook)
    }))
}

/// Change a subscription
///
/// Change the address or the entities, or pause and resume it. Resuming continues where it
/// stopped: a delivery that ran out of retries is sent again first.
#[utoipa::path(
    operation_id = "updateWebhook",
    tag = "webhooks",
    params(("id" = String, Path, description = "The subscription's id"), IfMatchHeader),
    request_body = WebhookPatch,
    security(("api_key" = ["webhooks"])),
    responses(
        (status = 200, description = "The changed subscription", body = WebhookDto, headers(("ETag" = String, description = "The subscription's new version"))),
        (status = 412, description = "The subscription changed since the ETag in If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 400, description = "The body is malformed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an API key with the `webhooks` scope", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "The organisation has no subscription with this id", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The address is invalid or not public", body = Problem, content_type = "application/problem+json"),
    )
)]
#[patch("/webhooks/{id}")]
pub async fn update(
    req: HttpRequest,
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
    targets: web::Data<Targets>,
    body: Json<WebhookPatch>,
) -> Result<HttpResponse, ApiError> {
    let key = caller.key_with_scope(ApiScope::Webhooks)?.clone();
    let WebhookPatch {
        url,
        entities,
        status,
    } = body.0;
    let changes = WebhookChanges {
        entities: entities.as_deref().map(entity_list).transpose()?,
        url: match url {
            Some(raw) => Some(receiver(&targets, &raw).await?.as_str().to_owned()),
            None => None,
        },
    };
    let id = id.into_inner();
    let precondition = Precondition::of(&req);
    let row = db
        .run(move |conn| {
            let current = policy::webhook_of(conn, &key, &id)?;
            let status = status.map(WebhookStatus::from);
            if !precondition.allows(current.version)
                || !webhooks::update(conn, &current.id, current.version, &changes, status)?
            {
                return Err(ApiError::PreconditionFailed);
            }
            policy::webhook_of(conn, &key, &id)
        })
        .await?;
    let version = row.version;
    let webhook = WebhookDto::new(row)?;
    let etag = conditional::versioned(version, &webhook)?;
    Ok(HttpResponse::Ok()
        .insert_header(actix_web::http::header::ETag(etag))
        .json(webhook))
}

/// Delete a subscription
///
/// Deliveries stop at once; pending ones and the delivery log are removed.
#[utoipa::path(
    operation_id = "deleteWebhook",
    tag = "webhooks",
    params(("id" = String, Path, description = "The subscription's id")),
    security(("api_key" = ["webhooks"])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an API key with the `webhooks` scope", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "The organisation has no subscription with this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/webhooks/{id}")]
pub async fn remove(
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let key = caller.key_with_scope(ApiScope::Webhooks)?.clone();
    let id = id.into_inner();
    db.run(move |conn| {
        let webhook = policy::webhook_of(conn, &key, &id)?;
        webhooks::delete(conn, &webhook.company_id, &webhook.id)?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Rotate the signing secret
///
/// A new secret signs every delivery from now on; for 24 hours deliveries carry a signature
/// by the previous secret too, so the receiver can switch without losing one. The new secret
/// is shown only in this response.
#[utoipa::path(
    operation_id = "rotateWebhookSecret",
    tag = "webhooks",
    params(("id" = String, Path, description = "The subscription's id")),
    security(("api_key" = ["webhooks"])),
    responses(
        (status = 200, description = "The new secret", body = WebhookSecret),
        (status = 401, description = "No API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an API key with the `webhooks` scope", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "The organisation has no subscription with this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/webhooks/{id}/secret")]
pub async fn rotate_secret(
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let key = caller.key_with_scope(ApiScope::Webhooks)?.clone();
    let secret = signature::new_secret().map_err(ApiError::internal)?;
    let until = now() + ROTATION_OVERLAP;
    let id = id.into_inner();
    let stored = secret.clone();
    db.run(move |conn| {
        let webhook = policy::webhook_of(conn, &key, &id)?;
        webhooks::rotate_secret(conn, &webhook.id, &stored, until)?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::Ok().json(WebhookSecret {
        secret,
        previous_valid_until: until.and_utc(),
    }))
}

/// List a subscription's deliveries
///
/// The delivery log, newest first: each batch with its status, attempts and the receiver's
/// last status code.
#[utoipa::path(
    operation_id = "listWebhookDeliveries",
    tag = "webhooks",
    params(("id" = String, Path, description = "The subscription's id"), PageParams),
    security(("api_key" = ["webhooks"])),
    responses(
        (status = 200, description = "A page of deliveries", body = Page<DeliveryDto>),
        (status = 400, description = "A parameter is malformed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No API key", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an API key with the `webhooks` scope", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "The organisation has no subscription with this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/webhooks/{id}/deliveries")]
pub async fn deliveries(
    req: HttpRequest,
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let key = caller.key_with_scope(ApiScope::Webhooks)?.clone();
    let params: PageParams = query::parse(&req)?;
    let limit = pagination::limit(params.limit.as_deref())?;
    let before = pagination::id_cursor(params.cursor.as_deref())?;
    let id = id.into_inner();
    let rows = db
        .run(move |conn| {
            let webhook = policy::webhook_of(conn, &key, &id)?;
            Ok(webhooks::deliveries(
                conn,
                &webhook.id,
                before.as_deref(),
                limit + 1,
            )?)
        })
        .await?;
    pagination::respond_by_id(&req, rows, limit, |d| &d.id, DeliveryDto::new)
}
