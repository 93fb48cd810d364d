//! The change history of a company.

use actix_web::{HttpRequest, HttpResponse, get, web};
use chrono::{DateTime, Utc};
use persistence::audit;
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::pagination::{self, Page, PageParams};
use crate::policy::{self, Action};
use crate::query;

/// Who made a change: a `user`, an `api_key`, or the `register` (an import run from the command
/// line), with its current name while it still exists.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChangeActor {
    #[schema(example = "user")]
    pub kind: &'static str,
    pub id: Option<String>,
    pub name: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Change {
    pub id: String,
    pub at: DateTime<Utc>,
    /// `created`, `updated`, `verified`, `deleted`, `member_added`, `member_removed`,
    /// `api_key_created`, `api_key_revoked`, `product_created`, `product_updated`,
    /// `product_deleted` (for products, `fields` holds the product's id), `imported` (created
    /// from a register), `register_updated` (a newer register record changed `fields`) or
    /// `claim_accepted`.
    #[schema(example = "updated")]
    pub action: String,
    /// The fields that changed.
    #[schema(example = json!(["description", "status"]))]
    pub fields: Vec<String>,
    pub actor: ChangeActor,
}

/// The change history
///
/// Who changed what and when, newest first. For members and administrators.
#[utoipa::path(
    operation_id = "getCompanyHistory",
    tag = "companies",
    params(("id" = String, Path, description = "The company's id"), PageParams),
    security(("user_token" = [])),
    responses(
        (status = 200, description = "A page of the company's changes, newest first", body = Page<Change>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a member or administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No company with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/companies/{id}/history")]
pub async fn history(
    req: HttpRequest,
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let params: PageParams = query::parse(&req)?;
    let limit = pagination::limit(params.limit.as_deref())?;
    let before = pagination::id_cursor(params.cursor.as_deref())?;
    let id = id.into_inner();
    let changes = db
        .run(move |conn| {
            policy::authorise(conn, &user, &id, Action::ReadHistory)?;
            Ok(audit::list(conn, &id, before.as_deref(), limit + 1)?)
        })
        .await?;
    pagination::respond_by_id(
        &req,
        changes,
        limit,
        |c| &c.row.id,
        |change| {
            let fields = change.row.field_names().map(str::to_owned).collect();
            let (kind, id) = match (change.row.actor_user_id, change.row.actor_api_key_id) {
                (Some(user), _) => ("user", Some(user)),
                (None, Some(key)) => ("api_key", Some(key)),
                (None, None) => ("register", None),
            };
            Ok(Change {
                id: change.row.id,
                at: change.row.at.and_utc(),
                action: change.row.action,
                fields,
                actor: ChangeActor {
                    kind,
                    id,
                    name: change.actor_name,
                },
            })
        },
    )
}
