//! Who is calling: users with access tokens, multiplier institutions with API keys, or
//! anonymous visitors; and the state authentication needs.

pub mod passwords;
pub mod throttle;
pub mod tokens;

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use actix_web::http::header;
use actix_web::{FromRequest, HttpMessage, HttpRequest, dev::Payload, web};
use domain::account::ApiScope;
use persistence::audit::Actor;

use crate::db::Db;
use crate::error::ApiError;
use passwords::Passwords;
use throttle::{LoginThrottle, ThrottleLimits};
use tokens::JwtKeys;

/// Access tokens live at most 15 minutes; refresh tokens keep a login alive up to 30 days.
pub const ACCESS_TOKEN_TTL: Duration = Duration::from_secs(15 * 60);
pub const REFRESH_TOKEN_TTL: Duration = Duration::from_secs(30 * 24 * 60 * 60);

/// Everything authentication needs, shared by all workers.
#[derive(Debug)]
pub struct Auth {
    pub keys: JwtKeys,
    pub passwords: Passwords,
    pub throttle: LoginThrottle,
    pub limits: ThrottleLimits,
}

impl Auth {
    pub fn new(secret: &[u8], limits: ThrottleLimits) -> anyhow::Result<Self> {
        Ok(Self {
            keys: JwtKeys::from_secret(secret)?,
            // Two hashes per core at most: enough to keep the cores busy, 19 MiB each.
            passwords: Passwords::new(
                2 * std::thread::available_parallelism().map_or(2, |n| n.get()),
            )?,
            throttle: LoginThrottle::new(limits),
            limits,
        })
    }
}

#[derive(Debug, Clone)]
pub struct UserCaller {
    pub id: String,
    pub is_admin: bool,
}

#[derive(Debug, Clone)]
pub struct KeyCaller {
    pub id: String,
    pub company_id: String,
    pub scopes: Vec<ApiScope>,
}

/// The authenticated caller of a request. Extracting it fails with 401 only when credentials
/// are sent and are bad; sending none makes the caller anonymous.
#[derive(Debug, Clone)]
pub enum Caller {
    Anonymous,
    User(UserCaller),
    ApiKey(KeyCaller),
}

impl Caller {
    /// The signed-in user, for endpoints that change data: API keys only read.
    pub fn user(&self) -> Result<&UserCaller, ApiError> {
        match self {
            Caller::User(user) => Ok(user),
            Caller::Anonymous => Err(ApiError::Unauthenticated(
                "sign in and send the access token as 'Authorization: Bearer ...'".into(),
            )),
            Caller::ApiKey(_) => Err(ApiError::Forbidden(
                "this operation needs a signed-in user; API keys read companies and products only"
                    .into(),
            )),
        }
    }

    /// The signed-in user if an administrator; `doing` completes "only the platform's
    /// administrators ..." in the 403.
    pub fn admin(&self, doing: &str) -> Result<&UserCaller, ApiError> {
        let user = self.user()?;
        if user.is_admin {
            Ok(user)
        } else {
            Err(ApiError::Forbidden(format!(
                "only the platform's administrators {doing}"
            )))
        }
    }

    pub fn is_admin(&self) -> bool {
        matches!(self, Caller::User(UserCaller { is_admin: true, .. }))
    }

    /// A key must hold `read` to read anything; users and anonymous visitors need no scope.
    pub fn require_read(&self) -> Result<(), ApiError> {
        match self {
            Caller::ApiKey(key) if !key.scopes.contains(&ApiScope::Read) => {
                Err(ApiError::InsufficientScope(ApiScope::Read.as_str()))
            }
            _ => Ok(()),
        }
    }

    /// Data for multiplier systems (exports, the change feed, statistics): keys holding
    /// `scope`, and administrators.
    pub fn require_scope(&self, scope: ApiScope) -> Result<(), ApiError> {
        match self {
            Caller::ApiKey(key) if key.scopes.contains(&scope) => Ok(()),
            Caller::ApiKey(_) => Err(ApiError::InsufficientScope(scope.as_str())),
            Caller::User(user) if user.is_admin => Ok(()),
            Caller::User(_) => Err(ApiError::Forbidden(format!(
                "this is for API keys with the '{}' scope and for administrators",
                scope.as_str()
            ))),
            Caller::Anonymous => Err(ApiError::Unauthenticated(format!(
                "send an API key with the '{}' scope as 'Authorization: Bearer pn_...'",
                scope.as_str()
            ))),
        }
    }

    /// The API key holding `scope`, for what belongs to the key's organisation (webhook
    /// subscriptions): users and administrators hold none.
    pub fn key_with_scope(&self, scope: ApiScope) -> Result<&KeyCaller, ApiError> {
        match self {
            Caller::ApiKey(key) if key.scopes.contains(&scope) => Ok(key),
            Caller::ApiKey(_) => Err(ApiError::InsufficientScope(scope.as_str())),
            Caller::User(_) => Err(ApiError::Forbidden(format!(
                "this belongs to an organisation's API key: send one with the '{}' scope",
                scope.as_str()
            ))),
            Caller::Anonymous => Err(ApiError::Unauthenticated(format!(
                "send an API key with the '{}' scope as 'Authorization: Bearer pn_...'",
                scope.as_str()
            ))),
        }
    }

    /// Personal data of contact persons is for signed-in users and keys with `read`.
    pub fn sees_contacts(&self) -> bool {
        match self {
            Caller::Anonymous => false,
            Caller::User(_) => true,
            Caller::ApiKey(key) => key.scopes.contains(&ApiScope::Read),
        }
    }

    pub fn user_id(&self) -> Option<&str> {
        match self {
            Caller::User(user) => Some(&user.id),
            _ => None,
        }
    }

    pub fn actor(&self) -> Option<Actor<'_>> {
        match self {
            Caller::User(user) => Some(Actor::User(&user.id)),
            Caller::ApiKey(key) => Some(Actor::ApiKey(&key.id)),
            Caller::Anonymous => None,
        }
    }
}

/// The token of an `Authorization: Bearer <token>` header value (the scheme in any case, as
/// RFC 9110 allows).
pub fn bearer_token(header: &str) -> Option<&str> {
    match header.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") => Some(token.trim()),
        _ => None,
    }
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        // The rate limiter authenticated the request already.
        if let Some(caller) = req.extensions().get::<Caller>().cloned() {
            return Box::pin(std::future::ready(Ok(caller)));
        }
        let header = req
            .headers()
            .get(header::AUTHORIZATION)
            .map(|v| v.to_str().map(str::to_owned));
        let state = req
            .app_data::<web::Data<Auth>>()
            .cloned()
            .zip(req.app_data::<web::Data<Db>>().cloned());
        Box::pin(async move {
            let Some(header) = header else {
                return Ok(Caller::Anonymous);
            };
            let (auth, db) = state.ok_or_else(|| {
                ApiError::internal(anyhow::anyhow!("authentication state missing"))
            })?;
            let header = header.map_err(|_| invalid("the Authorization header is not text"))?;
            let Some(token) = bearer_token(&header) else {
                return Err(invalid(
                    "expected 'Authorization: Bearer <access token or API key>'",
                ));
            };
            if token.starts_with(tokens::API_KEY_PREFIX) {
                authenticate_key(&db, token).await
            } else {
                authenticate_user(&auth, &db, token).await
            }
        })
    }
}

fn invalid(message: &str) -> ApiError {
    ApiError::InvalidToken(message.to_owned())
}

async fn authenticate_key(db: &Db, key: &str) -> Result<Caller, ApiError> {
    let hash = tokens::token_hash(key);
    let (row, holder) = db
        .run(move |conn| Ok(persistence::api_keys::authenticate(conn, &hash)?))
        .await?
        .ok_or_else(|| invalid("this API key is unknown or revoked"))?;
    if !crate::policy::holds_keys(&holder.kind, holder.verified) {
        return Err(invalid(
            "this API key's organisation is no longer a verified multiplier institution; \
             an administrator can verify it again",
        ));
    }
    let scopes = row
        .scope_names()
        .filter_map(|s| ApiScope::parse(s).ok())
        .collect();
    Ok(Caller::ApiKey(KeyCaller {
        id: row.id,
        company_id: row.company_id,
        scopes,
    }))
}

async fn authenticate_user(auth: &Auth, db: &Db, token: &str) -> Result<Caller, ApiError> {
    let claims = auth.keys.verify(token).map_err(|error| {
        tracing::debug!(%error, "access token rejected");
        invalid("the access token is invalid or expired")
    })?;
    let user = db
        .run(move |conn| {
            Ok(persistence::users::find(conn, &claims.sub)?
                .filter(|u| u.session_version == claims.sv))
        })
        .await?
        .ok_or_else(|| invalid("the access token's session has ended"))?;
    Ok(Caller::User(UserCaller {
        id: user.id,
        is_admin: user.is_admin,
    }))
}
