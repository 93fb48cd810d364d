//! `Idempotency-Key` on creating requests: a client that lost the answer to a `POST` sends it
//! again with the same key and gets the same answer, and nothing is created twice. A key belongs
//! to its caller (user, API key, or address of an anonymous caller) and is kept 24 hours; the
//! same key with another request is refused. Every operation that answers `201` takes one,
//! decided from the OpenAPI document, so no handler can forget it.

use std::time::Duration;

use actix_web::body::{self, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse, web};
use persistence::idempotency::{self, Answer, Claim, Ticket};
use sha2::{Digest, Sha256};

use crate::auth::Caller;
use crate::auth::tokens::hex;
use crate::db::Db;
use crate::error::ApiError;
use crate::operations::Operations;

pub const HEADER: &str = "idempotency-key";

/// Longest key: room for a UUID or any client's request id, not for data.
pub const MAX_KEY: usize = 255;

/// How long a key is remembered after its first use.
pub const KEPT: Duration = Duration::from_secs(24 * 60 * 60);

/// A request that has not answered within this long was cut off (its server stopped); its key
/// may be used again. Far above any request's duration.
const ABANDONED: Duration = Duration::from_secs(120);

/// Answers a repeated creating request from what its first run answered.
pub async fn replay_creations(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let Some(raw) = req.headers().get(HEADER).cloned() else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let operations = req.app_data::<web::Data<Operations>>().cloned();
    let (method, path) = (req.method().as_str(), req.path());
    let creates = operations
        .as_ref()
        .is_some_and(|ops| ops.creates(method, path));
    let scope = match req.extensions().get::<Caller>() {
        Some(Caller::User(user)) => Some(format!("user:{}", user.id)),
        Some(Caller::ApiKey(key)) => Some(format!("key:{}", key.id)),
        // Only where no credentials are needed (signing up): elsewhere the handler answers 401
        // whatever the key.
        Some(Caller::Anonymous) if operations.is_some_and(|ops| ops.is_open(method, path)) => {
            req.peer_addr().map(|peer| format!("address:{}", peer.ip()))
        }
        // Bad credentials: the handler answers 401.
        _ => None,
    };
    let (true, Some(scope)) = (creates, scope) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let key = parse_key(&raw)?;
    let payload = {
        let (request, payload) = req.parts_mut();
        crate::body::read(request, payload).await?
    };
    let fingerprint = fingerprint(&req, &payload);
    req.set_payload(actix_web::dev::Payload::from(payload));
    let db = req
        .app_data::<web::Data<Db>>()
        .cloned()
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("no database")))?;
    let claim = {
        let (scope, key) = (scope.clone(), key.clone());
        db.run(move |conn| {
            Ok(idempotency::claim(
                conn,
                &scope,
                &key,
                &fingerprint,
                KEPT,
                ABANDONED,
            )?)
        })
        .await?
    };
    let ticket = match claim {
        Claim::Run(ticket) => ticket,
        Claim::Replay(answer) => return Ok(req.into_response(replayed(answer)?)),
        Claim::Mismatch => {
            return Err(ApiError::IdempotencyKeyReused.into());
        }
        Claim::Running => return Err(ApiError::IdempotencyKeyInUse.into()),
    };
    let response = match next.call(req).await {
        Ok(response) => response,
        Err(error) => {
            release(&db, scope, key, ticket).await;
            return Err(error);
        }
    };
    if !response.status().is_success() {
        release(&db, scope, key, ticket).await;
        return Ok(response.map_into_boxed_body());
    }
    let (req, response) = response.into_parts();
    let (response, content) = response.into_parts();
    let content = body::to_bytes(content)
        .await
        .map_err(|_| ApiError::internal(anyhow::anyhow!("cannot read the answer")))?;
    let answer = Answer {
        status: Some(i32::from(response.status().as_u16())),
        location: text_header(response.headers(), header::LOCATION),
        etag: text_header(response.headers(), header::ETAG),
        content_type: text_header(response.headers(), header::CONTENT_TYPE),
        body: Some(content.to_vec()),
    };
    let recorded = db
        .run(move |conn| Ok(idempotency::finish(conn, &scope, &key, ticket, &answer)?))
        .await;
    if let Err(error) = recorded {
        // The object exists; only a retry's replay is lost, which then runs again.
        tracing::warn!(%error, "cannot record the answer of an idempotent request");
    }
    Ok(ServiceResponse::new(
        req,
        response.set_body(content).map_into_boxed_body(),
    ))
}

/// A key is visible ASCII, 1 to [`MAX_KEY`] characters.
fn parse_key(raw: &HeaderValue) -> Result<String, ApiError> {
    match raw.to_str() {
        Ok(key)
            if !key.is_empty()
                && key.len() <= MAX_KEY
                && key.bytes().all(|b| b.is_ascii_graphic()) =>
        {
            Ok(key.to_owned())
        }
        _ => Err(ApiError::BadRequest(format!(
            "Idempotency-Key must be 1 to {MAX_KEY} visible ASCII characters, such as a UUID"
        ))),
    }
}

/// What makes two requests the same: method, path and query, and body.
fn fingerprint(req: &ServiceRequest, payload: &[u8]) -> String {
    let mut hash = Sha256::new();
    hash.update(req.method().as_str());
    hash.update(b" ");
    hash.update(req.uri().path_and_query().map_or("", |pq| pq.as_str()));
    hash.update(b"\n");
    hash.update(payload);
    hex(&hash.finalize())
}

fn text_header(headers: &header::HeaderMap, name: HeaderName) -> Option<String> {
    headers.get(name)?.to_str().ok().map(str::to_owned)
}

fn replayed(answer: Answer) -> Result<HttpResponse, ApiError> {
    let status = answer
        .status
        .and_then(|s| u16::try_from(s).ok())
        .and_then(|s| StatusCode::from_u16(s).ok())
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("a stored answer has no status")))?;
    let mut response = HttpResponse::build(status);
    for (name, value) in [
        (header::LOCATION, answer.location),
        (header::ETAG, answer.etag),
        (header::CONTENT_TYPE, answer.content_type),
    ] {
        if let Some(value) = value {
            response.insert_header((name, value));
        }
    }
    response.insert_header(("idempotent-replayed", "true"));
    Ok(response.body(answer.body.unwrap_or_default()))
}

async fn release(db: &Db, scope: String, key: String, ticket: Ticket) {
    let released = db
        .run(move |conn| Ok(idempotency::release(conn, &scope, &key, ticket)?))
        .await;
    if let Err(error) = released {
        tracing::warn!(%error, "cannot release an idempotency key");
    }
}
