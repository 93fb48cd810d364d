//! Building the server: database preparation, middleware, routes, docs.

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_cors::Cors;
use actix_web::body::MessageBody;
use actix_web::dev::{Server, ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::{DefaultHeaders, Next, from_fn};
use actix_web::{App, HttpMessage, HttpRequest, HttpResponse, HttpServer, web};
use persistence::PoolConfig;
use search_index::SearchIndex;
use tracing_actix_web::{RequestId, TracingLogger};
use utoipa_swagger_ui::SwaggerUi;

use crate::auth::Auth;
use crate::body::MAX_BODY_BYTES;
use crate::db::Db;
use crate::error::ApiError;
use crate::idempotency;
use crate::metrics::{self, MetricsAccess};
use crate::operations::{Operations, declared_parameters};
use crate::rate_limit::{self, Limiters, RateLimits};
use crate::usage::Usage;
use crate::webhooks::Targets;
use crate::{openapi, routes, seed};

/// Opens the database, applies migrations, refreshes the reference data and, when `demo` is
/// set and the database holds no company yet, seeds the demo dataset.
pub fn prepare_database(config: &PoolConfig, demo: bool) -> anyhow::Result<Db> {
    let pool = persistence::db::build_pool(config)?;
    let mut conn = pool.get()?;
    let migrations = persistence::db::run_migrations(&mut conn)?;
    let reference = persistence::reference::sync(&mut conn)?;
    tracing::info!(
        backend = ?conn.backend(),
        migrations,
        reference_refreshed = reference,
        "database ready"
    );
    if demo && let Some(seeded) = seed::demo_if_empty(&mut conn)? {
        tracing::info!(companies = seeded, "seeded the demo dataset");
    }
    drop(conn);
    Ok(Db::new(pool, config.acquire_timeout))
}

/// How a server is built, beyond its state.
#[derive(Debug, Clone)]
pub struct ServerOptions {
    /// HTTP worker threads (default: one per CPU core).
    pub workers: Option<usize>,
    /// Where webhook subscriptions may send.
    pub targets: Targets,
    /// Requests per minute of each kind of caller.
    pub rate_limits: RateLimits,
    /// Origins whose pages may read answers; empty: any.
    pub cors_origins: Vec<String>,
    /// Who may read `/metrics`.
    pub metrics: MetricsAccess,
}

/// A bound, not yet running server. Binding happens before `run` so tests can ask for port 0
/// and learn the port.
pub struct Application {
    server: Server,
    port: u16,
}

impl std::fmt::Debug for Application {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Application")
            .field("port", &self.port)
            .finish_non_exhaustive()
    }
}

impl Application {
    pub fn build(
        db: Db,
        index: Arc<SearchIndex>,
        auth: Auth,
        listener: TcpListener,
        options: ServerOptions,
    ) -> std::io::Result<Self> {
        let port = listener.local_addr()?.port();
        let document = openapi::document();
        let operations = web::Data::new(Operations::of(&document));
        let db = web::Data::new(db);
        let index = web::Data::from(index);
        // One instance for all workers: the login throttle must see every attempt.
        let auth = web::Data::new(auth);
        let targets = web::Data::new(options.targets);
        let usage = web::Data::new(Usage::default());
        let limiters = web::Data::new(Limiters::new(options.rate_limits));
        let origins = options.cors_origins;
        let metrics_access = web::Data::new(options.metrics);
        actix_web::rt::spawn(rate_limit::housekeeping(
            usage.clone().into_inner(),
            limiters.clone().into_inner(),
            db.get_ref().clone(),
        ));
        let mut server = HttpServer::new(move || {
            App::new()
                .wrap(from_fn(declared_parameters))
                .wrap(from_fn(searchable_writes))
                .wrap(from_fn(idempotency::replay_creations))
                .wrap(from_fn(rate_limit::limit_requests))
                .wrap(from_fn(request_id_header))
                .wrap(from_fn(protective_headers))
                .wrap(
                    DefaultHeaders::new()
                        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
                        .add((header::X_FRAME_OPTIONS, "DENY"))
                        .add((header::REFERRER_POLICY, "no-referrer")),
                )
                .wrap(cors(&origins))
                .wrap(from_fn(metrics::measure))
                .wrap(TracingLogger::default())
                .app_data(db.clone())
                .app_data(index.clone())
                .app_data(auth.clone())
                .app_data(operations.clone())
                .app_data(targets.clone())
                .app_data(usage.clone())
                .app_data(limiters.clone())
                .app_data(metrics_access.clone())
                .app_data(web::PathConfig::default().error_handler(|error, _| {
                    ApiError::BadRequest(format!("the path is malformed: {error}")).into()
                }))
                .app_data(web::PayloadConfig::new(MAX_BODY_BYTES))
                .configure(|cfg| {
                    routes::configure(&mut utoipa_actix_web::service_config::ServiceConfig::new(
                        cfg,
                    ))
                })
                .service(SwaggerUi::new("/docs/{_:.*}").url("/openapi.json", document.clone()))
                .service(web::redirect("/docs", "/docs/"))
                .default_service(web::to(unmatched))
        })
        // A client gets this long to send a request's head; its body has `body::BODY_TIMEOUT`.
        .client_request_timeout(HEAD_TIMEOUT)
        .listen(listener)?;
        if let Some(workers) = options.workers {
            server = server.workers(workers);
        }
        Ok(Self {
            server: server.run(),
            port,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Stops the server from elsewhere.
    pub fn handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    /// Serves until SIGTERM (graceful: in-flight requests finish) or SIGINT.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}

/// How long a client may take to send a request line and headers before it is answered 408.
const HEAD_TIMEOUT: Duration = Duration::from_secs(5);

/// Requests no route took: a known path with another method is a 405 naming the methods it
/// answers, anything else a 404.
async fn unmatched(
    req: HttpRequest,
    operations: web::Data<Operations>,
) -> Result<HttpResponse, ApiError> {
    let path = req.path().to_owned();
    match operations.allowed_methods(&path) {
        Some(allow) => Err(ApiError::MethodNotAllowed { path, allow }),
        None => Err(ApiError::NotFound(format!(
            "there is no resource at {path}"
        ))),
    }
}

/// The API is meant for browser frontends on other origins. Access is by bearer token, never by
/// cookie, so no credentials are allowed and by default any origin may call: a foreign page
/// cannot act with a visitor's rights without holding their token. An operator may still name
/// the origins allowed.
fn cors(origins: &[String]) -> Cors {
    let cors = if origins.is_empty() {
        Cors::default().allow_any_origin()
    } else {
        origins
            .iter()
            .fold(Cors::default(), |cors, origin| cors.allowed_origin(origin))
    };
    cors.allow_any_method()
        .allow_any_header()
        .expose_headers([
            header::ETAG,
            header::LINK,
            header::LOCATION,
            header::RETRY_AFTER,
            header::WWW_AUTHENTICATE,
            HeaderName::from_static("ratelimit-limit"),
            HeaderName::from_static("ratelimit-remaining"),
            HeaderName::from_static("ratelimit-reset"),
            HeaderName::from_static("x-change-position"),
            HeaderName::from_static("idempotent-replayed"),
        ])
        .max_age(3600)
}

/// How long a write waits for its change to become searchable before it answers anyway.
const SEARCHABLE_WITHIN: Duration = Duration::from_secs(5);

/// A successful write answers only once its change is searchable on this server: clients
/// (and the tests) find what they just wrote in their next search. Every write passes here,
/// so no handler can forget it; the change log says how far the index must have come.
async fn searchable_writes(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let writes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let response = next.call(req).await?;
    if writes && response.status().is_success() {
        let request = response.request();
        if let (Some(db), Some(index)) = (
            request.app_data::<web::Data<Db>>().cloned(),
            request.app_data::<web::Data<SearchIndex>>().cloned(),
        ) {
            let latest = db.run(|conn| Ok(persistence::changes::latest(conn)?)).await;
            if let Ok(seq) = latest
                && !index.wait_for(seq, SEARCHABLE_WITHIN).await
            {
                tracing::warn!(seq, "a write is not searchable yet; answering anyway");
            }
        }
    }
    Ok(response)
}

/// A response to a request with credentials is the caller's own (contact persons, keys,
/// secrets, their organisation's data): no cache, shared or private, may keep it. And no
/// answer may act as a page. Every response passes here, so no handler can forget either.
async fn protective_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let credentials = req.headers().contains_key(header::AUTHORIZATION);
    // Answers are data, never pages: nothing in them may load or run anything. The
    // documentation page is a page and brings its own scripts.
    let data = !req.path().starts_with("/docs");
    let mut response = next.call(req).await?;
    let headers = response.headers_mut();
    if credentials {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if data {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"),
        );
    }
    Ok(response)
}

/// Echoes the request id of the log lines as `x-request-id`, so a client can quote it.
async fn request_id_header(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let request_id = req.extensions().get::<RequestId>().copied();
    let mut response = next.call(req).await?;
    if let Some(value) = request_id.and_then(|id| HeaderValue::from_str(&id.to_string()).ok()) {
        response
            .headers_mut()
            .insert(HeaderName::from_static("x-request-id"), value);
    }
    Ok(response)
}
