use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;

use search_index::SearchIndex;

use crate::db::Db;
use crate::error::{ApiError, Problem};

#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    pub status: &'static str,
}

/// Liveness: the process is up and serving.
#[utoipa::path(operation_id = "checkLiveness", tag = "operations", responses((status = 200, description = "The process is serving", body = Health)))]
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(Health { status: "ok" })
}

/// Readiness: the database answers a query within the acquisition timeout, and the search
/// index can answer (it is not being built).
#[utoipa::path(
    operation_id = "checkReadiness",
    tag = "operations",
    responses(
        (status = 200, description = "Ready to serve", body = Health),
        (status = 503, description = "The database is unreachable or the search index is being built", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/readyz")]
pub async fn readyz(
    db: web::Data<Db>,
    index: web::Data<SearchIndex>,
) -> Result<HttpResponse, ApiError> {
    if !index.is_ready() {
        return Err(ApiError::Unavailable);
    }
    db.run(|conn| {
        persistence::db::ping(conn).map_err(|error| {
            tracing::warn!(%error, "readiness check failed");
            ApiError::Unavailable
        })
    })
    .await?;
    Ok(HttpResponse::Ok().json(Health { status: "ready" }))
}
