//! `GET /metrics` for Prometheus, behind the operator's token.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use search_index::SearchIndex;
use subtle::ConstantTimeEq;

use crate::auth::bearer_token;
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::metrics::{MetricsAccess, handle};

/// Metrics in the Prometheus text format
///
/// For the operator's monitoring, with the token set in `PARTNERNET_METRICS_TOKEN`; a server
/// without one shows them to nobody (401). Requests by route, method and status with latency
/// histograms; the database pool; the search index's lag behind the change log; webhook,
/// e-mail and import queues.
#[utoipa::path(
    operation_id = "getMetrics",
    tag = "operations",
    security(("metrics_token" = [])),
    responses(
        (status = 200, description = "The metrics", body = String, content_type = "text/plain"),
        (status = 401, description = "The metrics token is missing or wrong, or the server has none", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/metrics")]
pub async fn metrics(
    req: HttpRequest,
    access: web::Data<MetricsAccess>,
    db: web::Data<Db>,
    index: web::Data<SearchIndex>,
) -> Result<HttpResponse, ApiError> {
    let presented = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(bearer_token);
    // Without a configured token no token is right: the metrics are not shown at all.
    let allowed = match (presented, access.token.as_deref()) {
        (Some(presented), Some(token)) => same(presented, token),
        _ => false,
    };
    if !allowed {
        return Err(ApiError::Unauthenticated(
            "send the metrics token (PARTNERNET_METRICS_TOKEN) as 'Authorization: Bearer ...'"
                .into(),
        ));
    }
    let (latest, depths) = db
        .run(|conn| {
            Ok((
                persistence::changes::latest(conn)?,
                persistence::queues::depths(conn)?,
            ))
        })
        .await?;
    let (in_use, waiting) = db.load();
    let state = db.pool().state();
    ::metrics::gauge!("db_pool_connections").set(f64::from(state.connections));
    ::metrics::gauge!("db_pool_idle_connections").set(f64::from(state.idle_connections));
    ::metrics::gauge!("db_work_in_flight").set(in_use as f64);
    ::metrics::gauge!("db_work_waiting").set(waiting as f64);
    ::metrics::gauge!("search_index_lag_changes").set((latest - index.applied()).max(0) as f64);
    ::metrics::gauge!("webhook_deliveries_pending").set(depths.webhook_deliveries as f64);
    ::metrics::gauge!("mails_pending").set(depths.mails as f64);
    ::metrics::gauge!("imports_running").set(depths.imports as f64);
    ::metrics::gauge!("import_records_handled").set(depths.imported_records as f64);
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(handle().render()))
}

/// Compares in time independent of where the texts differ, so the token cannot be guessed
/// byte by byte from response times.
fn same(a: &str, b: &str) -> bool {
    a.as_bytes().ct_eq(b.as_bytes()).into()
}
