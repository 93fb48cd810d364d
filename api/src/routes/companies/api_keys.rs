//! API keys of multiplier institutions.

use actix_web::{HttpRequest, HttpResponse, delete, get, post, web};
use chrono::{DateTime, Utc};
use domain::account::ApiScope;
use domain::company::text;
use persistence::api_keys::{self, ApiKeyRow};
use persistence::audit::Actor;
use persistence::clock::now;
use persistence::companies::new_id;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::auth::{Caller, tokens};
use crate::body::Json;
use crate::db::Db;
use crate::error::{ApiError, FieldError, Problem};
use crate::pagination::{self, Page, PageParams, whole_number};
use crate::policy::{self, Action};
use crate::query;
use crate::routes::events::OrganisationRef;
use crate::usage::Usage;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = ApiScope)]
pub enum ApiScopeDto {
    /// Read companies with their contact persons.
    Read,
    Export,
    Changes,
    Webhooks,
    Stats,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewApiKey {
    /// What the key is for, so people can tell keys apart.
    #[schema(example = "CRM sync", max_length = 100)]
    pub name: String,
    #[schema(min_items = 1, max_items = 5)]
    pub scopes: Vec<ApiScopeDto>,
}

/// A key as listed: the secret itself is never shown again.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ApiKey)]
pub struct ApiKeyDto {
    pub id: String,
    pub name: String,
    /// The first characters of the key.
    #[schema(example = "pn_AbCdEfGh")]
    pub prefix: String,
    #[schema(value_type = Vec<ApiScopeDto>)]
    pub scopes: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<ApiKeyRow> for ApiKeyDto {
    fn from(row: ApiKeyRow) -> Self {
        Self {
            scopes: row.scope_names().map(str::to_owned).collect(),
            id: row.id,
            name: row.name,
            prefix: row.prefix,
            created_at: row.created_at.and_utc(),
            last_used_at: row.last_used_at.map(|t| t.and_utc()),
            revoked_at: row.revoked_at.map(|t| t.and_utc()),
        }
    }
}

/// A new key with its secret, shown only in this response.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedApiKey {
    #[serde(flatten)]
    pub key: ApiKeyDto,
    /// Send as `Authorization: Bearer <secret>`. Store it now: it cannot be shown again.
    pub secret: String,
}

const PREFIX_LENGTH: usize = 11;

mirror_enum!(
    ApiScopeDto,
    ApiScope {
        Read,
        Export,
        Changes,
        Webhooks,
        Stats
    }
);

/// Create an API key
///
/// For members of a multiplier institution an administrator has verified, and administrators.
/// The response holds the key's secret, which is stored only as a hash and never shown again.
/// The key stops working when the organisation loses its verification, and works again when
/// it is verified again.
#[utoipa::path(
    operation_id = "createApiKey",
    tag = "api keys",
    params(("id" = String, Path, description = "The multiplier institution's company id")),
    request_body = NewApiKey,
    security(("user_token" = [])),
    responses(
        (status = 201, description = "The created key; its secret is shown only now", body = CreatedApiKey),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a member or administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No company with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The organisation is not a verified multiplier institution", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/companies/{id}/api-keys")]
pub async fn create(
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
    body: Json<NewApiKey>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let NewApiKey { name, scopes } = body.0;
    let name = text(&name, 100)
        .map_err(|e| ApiError::invalid_field("/name", e))?
        .ok_or_else(|| {
            ApiError::InvalidBody(vec![FieldError::pointer(
                "/name",
                "required",
                "a name is required",
            )])
        })?;
    // The schema's `maxItems`: each scope at most once.
    if scopes.len() > ApiScope::ALL.len() {
        return Err(ApiError::MalformedBody(vec![FieldError::pointer(
            "/scopes",
            "too_many_items",
            format!("at most {} scopes, each once", ApiScope::ALL.len()),
        )]));
    }
    let mut scopes: Vec<ApiScope> = scopes.into_iter().map(ApiScope::from).collect();
    scopes.sort_by_key(|s| s.as_str());
    scopes.dedup();
    if scopes.is_empty() {
        return Err(ApiError::InvalidBody(vec![FieldError::pointer(
            "/scopes",
            "required",
            "a key needs at least one scope",
        )]));
    }
    let secret = tokens::new_api_key().map_err(ApiError::internal)?;
    let row = ApiKeyRow {
        id: new_id(),
        company_id: id.into_inner(),
        name,
        prefix: secret.chars().take(PREFIX_LENGTH).collect(),
        key_hash: tokens::token_hash(&secret),
        scopes: scopes
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(","),
        created_by: Some(user.id.clone()),
        created_at: now(),
        last_used_at: None,
        revoked_at: None,
    };
    let row = db
        .run(move |conn| {
            let (company, _) =
                policy::authorise(conn, &user, &row.company_id, Action::ManageApiKeys)?;
            if !policy::holds_keys(&company.row.kind, company.row.verified) {
                return Err(ApiError::conflict(
                    "not_a_verified_multiplier",
                    "only multiplier institutions (kind 'multiplier') that an administrator has \
                     verified hold API keys",
                ));
            }
            api_keys::insert(conn, &row, Actor::User(&user.id))?;
            Ok(row)
        })
        .await?;
    Ok(HttpResponse::Created().json(CreatedApiKey {
        key: row.into(),
        secret,
    }))
}

/// List API keys
///
/// For members and administrators; revoked keys included. Secrets are never shown.
#[utoipa::path(
    operation_id = "listApiKeys",
    tag = "api keys",
    params(("id" = String, Path, description = "The company's id")),
    security(("user_token" = [])),
    responses(
        (status = 200, description = "All of the organisation's keys, revoked ones included, in one page", body = Page<ApiKeyDto>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a member or administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No company with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/companies/{id}/api-keys")]
pub async fn list(
    id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let id = id.into_inner();
    let rows = db
        .run(move |conn| {
            policy::authorise(conn, &user, &id, Action::ManageApiKeys)?;
            Ok(api_keys::list(conn, &id)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(Page::whole(rows.into_iter().map(ApiKeyDto::from).collect())))
}

/// Revoke an API key
///
/// For members and administrators. The key stops working immediately.
#[utoipa::path(
    operation_id = "revokeApiKey",
    tag = "api keys",
    params(
        ("id" = String, Path, description = "The company's id"),
        ("key_id" = String, Path, description = "The key's id"),
    ),
    security(("user_token" = [])),
    responses(
        (status = 204, description = "Revoked"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a member or administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such company or active key", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/companies/{id}/api-keys/{key_id}")]
pub async fn revoke(
    path: web::Path<(String, String)>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let (id, key_id) = path.into_inner();
    db.run(move |conn| {
        policy::authorise(conn, &user, &id, Action::ManageApiKeys)?;
        if api_keys::revoke(conn, &id, &key_id, Actor::User(&user.id))? {
            Ok(())
        } else {
            Err(ApiError::NotFound(
                "this company has no such active key".into(),
            ))
        }
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Days of usage shown at most.
pub(crate) const MAX_USAGE_DAYS: i64 = 366;

/// The usage query.
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UsageParams {
    /// How many days back, today included.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 366, default = 30)]
    days: Option<String>,
}

/// Requests of one day (UTC).
#[derive(Debug, Serialize, ToSchema)]
pub struct UsageDay {
    #[schema(value_type = String, format = Date, example = "2026-12-06")]
    pub day: chrono::NaiveDate,
    pub requests: i64,
}

/// How much a key is used.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiKeyUsage {
    pub key_id: String,
    /// The key's last request, to the minute.
    pub last_used_at: Option<DateTime<Utc>>,
    /// Requests in the days asked for.
    pub total: i64,
    /// Requests per day, oldest first; days without requests are left out.
    pub days: Vec<UsageDay>,
}

/// Read an API key's usage
///
/// For members and administrators: the key's requests per day (UTC) and its last use. Every
/// server adds its counts every few seconds, so requests to other servers of the last seconds
/// may be missing.
#[utoipa::path(
    operation_id = "getApiKeyUsage",
    tag = "api keys",
    params(
        ("id" = String, Path, description = "The company's id"),
        ("key_id" = String, Path, description = "The key's id"),
        UsageParams,
    ),
    security(("user_token" = [])),
    responses(
        (status = 200, description = "The key's usage", body = ApiKeyUsage),
        (status = 400, description = "A parameter is malformed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a member or administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such company or key", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/companies/{id}/api-keys/{key_id}/usage")]
pub async fn usage(
    req: HttpRequest,
    path: web::Path<(String, String)>,
    caller: Caller,
    db: web::Data<Db>,
    counts: web::Data<Usage>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let params: UsageParams = query::parse(&req)?;
    let days = whole_number("days", params.days.as_deref(), 30, 1..=MAX_USAGE_DAYS)?;
    let (id, key_id) = path.into_inner();
    counts.flush(&db).await?;
    let since = Utc::now().date_naive() - chrono::Duration::days(days - 1);
    let (key, days) = db
        .run(move |conn| {
            policy::authorise(conn, &user, &id, Action::ManageApiKeys)?;
            let key = api_keys::find(conn, &key_id)?
                .filter(|key| key.company_id == id)
                .ok_or_else(|| ApiError::NotFound("this company has no such key".into()))?;
            let days = api_keys::usage(conn, &key.id, since)?;
            Ok((key, days))
        })
        .await?;
    Ok(HttpResponse::Ok().json(ApiKeyUsage {
        key_id: key.id,
        last_used_at: key.last_used_at.map(|t| t.and_utc()),
        total: days.iter().map(|(_, n)| n).sum(),
        days: days
            .into_iter()
            .map(|(day, requests)| UsageDay { day, requests })
            .collect(),
    }))
}

/// A key with the organisation holding it, as administrators see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct HeldApiKey {
    #[serde(flatten)]
    pub key: ApiKeyDto,
    pub company: OrganisationRef,
}

/// List every API key
///
/// For administrators: the keys of every organisation, revoked ones included, oldest first.
#[utoipa::path(
    operation_id = "listAllApiKeys",
    tag = "api keys",
    params(PageParams),
    security(("admin_token" = [])),
    responses(
        (status = 200, description = "A page of keys", body = Page<HeldApiKey>),
        (status = 400, description = "A parameter is malformed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/api-keys")]
pub async fn list_all(
    req: HttpRequest,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    caller.admin("list every API key")?;
    let params: PageParams = query::parse(&req)?;
    let limit = pagination::limit(params.limit.as_deref())?;
    let after = pagination::id_cursor(params.cursor.as_deref())?;
    let rows = db
        .run(move |conn| Ok(api_keys::all(conn, after.as_deref(), limit + 1)?))
        .await?;
    pagination::respond_by_id(
        &req,
        rows,
        limit,
        |(key, _)| &key.id,
        |(key, company_name)| {
            Ok(HeldApiKey {
                company: OrganisationRef::new(key.company_id.clone(), company_name),
                key: key.into(),
            })
        },
    )
}

/// Revoke any API key
///
/// For administrators. The key stops working immediately.
#[utoipa::path(
    operation_id = "revokeAnyApiKey",
    tag = "api keys",
    params(("key_id" = String, Path, description = "The key's id")),
    security(("admin_token" = [])),
    responses(
        (status = 204, description = "Revoked"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No active key has this id", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/admin/api-keys/{key_id}")]
pub async fn revoke_any(
    key_id: web::Path<String>,
    caller: Caller,
    db: web::Data<Db>,
) -> Result<HttpResponse, ApiError> {
    let admin = caller.admin("revoke any API key")?.clone();
    let key_id = key_id.into_inner();
    db.run(move |conn| {
        let revoked = match api_keys::find(conn, &key_id)? {
            Some(key) => api_keys::revoke(conn, &key.company_id, &key.id, Actor::User(&admin.id))?,
            None => false,
        };
        if revoked {
            Ok(())
        } else {
            Err(ApiError::NotFound("no active key has this id".into()))
        }
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
