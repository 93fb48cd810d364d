//! Request limits per API key, per signed-in user and per client address of anonymous callers,
//! with governor's GCRA. Every `/v1` response says where the caller stands in the headers of the
//! IETF draft (`RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset`); a request over the
//! limit is answered `429` with `Retry-After`. Requests by API keys are counted here too, so
//! their organisations see how much each key is used.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, ResponseError, web};
use governor::clock::{Clock, DefaultClock};
use governor::middleware::StateInformationMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};

use crate::auth::Caller;
use crate::error::ApiError;
use crate::usage::Usage;

/// Requests per minute allowed to each kind of caller; `None` for no limit. A caller may spend
/// a whole minute's requests at once; then one comes back every minute divided by the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimits {
    pub per_key: Option<NonZeroU32>,
    pub per_user: Option<NonZeroU32>,
    pub per_address: Option<NonZeroU32>,
}

impl RateLimits {
    /// No limits, for tests and benchmarks that measure something else.
    pub const NONE: RateLimits = RateLimits {
        per_key: None,
        per_user: None,
        per_address: None,
    };
}

/// Who a limit counts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Subject {
    Key(String),
    User(String),
    Address(IpAddr),
}

type Limiter =
    RateLimiter<Subject, DefaultKeyedStateStore<Subject>, DefaultClock, StateInformationMiddleware>;

struct Limit {
    per_minute: u32,
    limiter: Limiter,
}

impl Limit {
    fn new(per_minute: Option<NonZeroU32>) -> Option<Self> {
        per_minute.map(|n| Self {
            per_minute: n.get(),
            limiter: RateLimiter::dashmap(Quota::per_minute(n))
                .with_middleware::<StateInformationMiddleware>(),
        })
    }
}

/// The limiters of one server, shared by its workers.
pub struct Limiters {
    key: Option<Limit>,
    user: Option<Limit>,
    address: Option<Limit>,
}

impl std::fmt::Debug for Limiters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let per_minute = |limit: &Option<Limit>| limit.as_ref().map(|l| l.per_minute);
        f.debug_struct("Limiters")
            .field("per_key", &per_minute(&self.key))
            .field("per_user", &per_minute(&self.user))
            .field("per_address", &per_minute(&self.address))
            .finish()
    }
}

impl Limiters {
    pub fn new(limits: RateLimits) -> Self {
        Self {
            key: Limit::new(limits.per_key),
            user: Limit::new(limits.per_user),
            address: Limit::new(limits.per_address),
        }
    }

    /// Forgets callers whose limit is full again, so the maps do not grow without bound.
    pub fn forget_idle(&self) {
        for limit in [&self.key, &self.user, &self.address].into_iter().flatten() {
            limit.limiter.retain_recent();
            limit.limiter.shrink_to_fit();
        }
    }
}

/// Where a caller stands: the limit, what is left, and seconds until all of it is back.
struct Standing {
    limit: u32,
    remaining: u32,
    reset: u64,
    /// Seconds to wait when over the limit.
    retry_after: Option<u64>,
}

fn standing(limit: &Limit, subject: &Subject) -> Standing {
    let per_request = Duration::from_secs(60) / limit.per_minute;
    match limit.limiter.check_key(subject) {
        Ok(snapshot) => {
            let remaining = snapshot.remaining_burst_capacity();
            let used = limit.per_minute.saturating_sub(remaining);
            Standing {
                limit: limit.per_minute,
                remaining,
                reset: (per_request * used).as_secs_f64().ceil() as u64,
                retry_after: None,
            }
        }
        Err(not_until) => {
            let wait = not_until.wait_time_from(limit.limiter.clock().now());
            let seconds = wait.as_secs_f64().ceil().max(1.0) as u64;
            Standing {
                limit: limit.per_minute,
                remaining: 0,
                reset: seconds,
                retry_after: Some(seconds),
            }
        }
    }
}

/// Authenticates the caller once (the handlers reuse it), counts an API key's request, and
/// applies the caller's limit to every `/v1` request. Health probes and the documentation are
/// not limited.
pub async fn limit_requests(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    if !req.path().starts_with("/v1/") {
        return Ok(next.call(req).await?.map_into_left_body());
    }
    let caller = Caller::extract(req.request()).await.ok();
    let subject = match &caller {
        Some(Caller::ApiKey(key)) => Subject::Key(key.id.clone()),
        Some(Caller::User(user)) => Subject::User(user.id.clone()),
        // Bad credentials count against the address, like anonymous requests.
        Some(Caller::Anonymous) | None => match req.peer_addr() {
            Some(peer) => Subject::Address(peer.ip()),
            None => return Ok(next.call(req).await?.map_into_left_body()),
        },
    };
    if let (Some(Caller::ApiKey(key)), Some(usage)) = (&caller, req.app_data::<web::Data<Usage>>())
    {
        usage.record(&key.id);
    }
    if let Some(caller) = caller {
        req.extensions_mut().insert(caller);
    }
    let limiters = req.app_data::<web::Data<Limiters>>().cloned();
    let limit = limiters.as_deref().and_then(|limiters| match &subject {
        Subject::Key(_) => limiters.key.as_ref(),
        Subject::User(_) => limiters.user.as_ref(),
        Subject::Address(_) => limiters.address.as_ref(),
    });
    let Some(standing) = limit.map(|limit| standing(limit, &subject)) else {
        return Ok(next.call(req).await?.map_into_left_body());
    };
    let mut response = match standing.retry_after {
        Some(seconds) => {
            let response = ApiError::TooManyRequests(seconds).error_response();
            req.into_response(response).map_into_right_body()
        }
        None => next.call(req).await?.map_into_left_body(),
    };
    let headers = response.headers_mut();
    for (name, value) in [
        ("ratelimit-limit", standing.limit.to_string()),
        ("ratelimit-remaining", standing.remaining.to_string()),
        ("ratelimit-reset", standing.reset.to_string()),
    ] {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(HeaderName::from_static(name), value);
        }
    }
    Ok(response)
}

/// Writes the counted key requests to the database and forgets idle callers, every few seconds,
/// for as long as the server runs.
pub async fn housekeeping(usage: Arc<Usage>, limiters: Arc<Limiters>, db: crate::db::Db) {
    let mut every = actix_web::rt::time::interval(Duration::from_secs(10));
    loop {
        every.tick().await;
        if let Err(error) = usage.flush(&db).await {
            tracing::warn!(%error, "cannot record the use of API keys");
        }
        limiters.forget_idle();
    }
}
