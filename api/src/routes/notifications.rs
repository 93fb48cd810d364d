//! The signed-in user's notifications: proposals and their answers, places from the waiting
//! list, cancelled events, each in the user's language.

use actix_web::http::header::HeaderValue;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use persistence::notifications::{self as store, NotificationRow};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::companies::corrupt;
use super::search::flag;
use crate::auth::Caller;
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::openapi::enums::domain_enum_schema;
use crate::pagination::{self, Page};
use crate::query;

domain_enum_schema!(
    /// What a notification is about.
    NotificationKind for domain::notification::NotificationKind
);

/// Something the platform tells the user.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Notification)]
pub struct NotificationDto {
    pub id: String,
    #[schema(value_type = NotificationKind)]
    pub kind: String,
    /// In the user's language, as it was when the notification was made.
    pub title: String,
    pub body: String,
    /// The API path of what it is about (a partnership, a registration).
    #[schema(example = "/v1/partnerships/0193e5a0-0000-7000-8000-0000000000a1")]
    pub link: String,
    pub read: bool,
    pub created_at: DateTime<Utc>,
}

impl NotificationDto {
    fn new(row: NotificationRow) -> Result<Self, ApiError> {
        domain::notification::NotificationKind::parse(&row.kind)
            .map_err(|_| corrupt("notification kind", &row.kind))?;
        Ok(Self {
            id: row.id,
            kind: row.kind,
            title: row.title,
            body: row.body,
            link: row.link,
            read: row.read_at.is_some(),
            created_at: row.created_at.and_utc(),
        })
    }
}

/// The query of the notification list.
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NotificationParams {
    /// `true`: unread ones only.
    #[param(value_type = Option<bool>)]
    unread: Option<String>,
    /// Page size.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100, default = 20)]
    limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(max_length = 1024)]
    #[validate(length(max = 1024, message = "the cursor is too long"))]
    cursor: Option<String>,
}

/// Your notifications
///
/// Newest first; the `X-Unread-Count` header says how many are unread in all.
#[utoipa::path(
    operation_id = "listNotifications",
    tag = "me",
    params(NotificationParams),
    security(("user_token" = [])),
    responses(
        (status = 200, description = "A page of notifications", body = Page<NotificationDto>, headers(("X-Unread-Count" = u64, description = "Unread notifications in all"))),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "An API key: notifications are for people", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/notifications")]
pub async fn list(
    req: HttpRequest,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let params: NotificationParams = query::parse(&req)?;
    let unread = flag("unread", params.unread.as_deref())?.unwrap_or(false);
    let limit = pagination::limit(params.limit.as_deref())?;
    let before = pagination::id_cursor(params.cursor.as_deref())?;
    let (rows, count) = db
        .run(move |conn| {
            let rows = store::of_user(conn, &user.id, unread, before.as_deref(), limit + 1)?;
            Ok((rows, store::unread_count(conn, &user.id)?))
        })
        .await?;
    let mut response =
        pagination::respond_by_id(&req, rows, limit, |n| &n.id, NotificationDto::new)?;
    response.headers_mut().insert(
        actix_web::http::header::HeaderName::from_static("x-unread-count"),
        HeaderValue::from(count.max(0) as u64),
    );
    Ok(response)
}

/// Mark a notification read
#[utoipa::path(
    operation_id = "markNotificationRead",
    tag = "me",
    params(("id" = String, Path, description = "The notification's id")),
    security(("user_token" = [])),
    responses(
        (status = 204, description = "Read"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "An API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "You have no notification with this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/notifications/{id}/read")]
pub async fn mark_read(
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let id = id.into_inner();
    let found = db
        .run({
            let id = id.clone();
            move |conn| Ok(store::mark_read(conn, &user.id, &id)?)
        })
        .await?;
    if found {
        Ok(HttpResponse::NoContent().finish())
    } else {
        Err(ApiError::no_such("notification", &id))
    }
}
