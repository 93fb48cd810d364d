//! Registration and sessions: login, token refresh, logout.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, post, web};
use domain::account::{Email, check_sign_up};
use domain::language::Language;
use persistence::db::is_unique_violation;
use persistence::sessions::{self, Rotation};
use persistence::users::{self, NewUser};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::me::UserDto;
use crate::auth::{ACCESS_TOKEN_TTL, Auth, REFRESH_TOKEN_TTL, tokens};
use crate::body::Json;
use crate::db::Db;
use crate::error::{ApiError, FieldError, Problem};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignUp {
    #[schema(example = "jana.novakova@example.cz", format = Email, max_length = 254)]
    pub email: String,
    /// At least 10 characters, not the e-mail address.
    #[schema(example = "dřevo a kov 2026", min_length = 10, max_length = 1024)]
    pub password: String,
    #[schema(value_type = crate::openapi::enums::PersonName)]
    pub name: String,
    /// The language the platform speaks to this user in.
    #[schema(value_type = crate::routes::labels::Language, example = "cs")]
    pub language: Language,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Credentials {
    #[schema(format = Email, max_length = 254)]
    pub email: String,
    #[schema(max_length = 1024)]
    pub password: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    /// At most 512 characters ([`MAX_REFRESH_TOKEN`]).
    #[schema(max_length = 512)]
    pub refresh_token: String,
}

/// Far longer than any token this API issues: a longer one is not worth a database lookup.
const MAX_REFRESH_TOKEN: usize = 512;

impl RefreshRequest {
    /// The presented token, refused when longer than any token could be.
    fn token(&self) -> Result<&str, ApiError> {
        if self.refresh_token.chars().count() > MAX_REFRESH_TOKEN {
            return Err(ApiError::MalformedBody(vec![FieldError::pointer(
                "/refresh_token",
                "too_long",
                format!("a refresh token has at most {MAX_REFRESH_TOKEN} characters"),
            )]));
        }
        Ok(&self.refresh_token)
    }
}

/// A session: a short-lived access token and the refresh token that renews it.
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenPair {
    /// Send as `Authorization: Bearer <access_token>`.
    pub access_token: String,
    /// Exchange at `/v1/auth/refresh` for a new pair; each refresh token works once.
    pub refresh_token: String,
    #[schema(example = "Bearer")]
    pub token_type: &'static str,
    /// Seconds until the access token expires.
    #[schema(example = 900)]
    pub expires_in: u64,
}

/// Checks a registration and returns the normalised e-mail, name and password.
fn validate(sign_up: SignUp) -> Result<(Email, String, String, Language), ApiError> {
    let (email, name) =
        check_sign_up(&sign_up.email, &sign_up.name, &sign_up.password).map_err(|errors| {
            ApiError::InvalidBody(
                errors
                    .into_iter()
                    .map(|(field, e)| FieldError::pointer(format!("/{field}"), e.code, e.message))
                    .collect(),
            )
        })?;
    Ok((email, name, sign_up.password, sign_up.language))
}

/// Register
///
/// Creates an account. Sign in afterwards with `/v1/auth/login`.
#[utoipa::path(
    operation_id = "register",
    tag = "auth",
    request_body = SignUp,
    responses(
        (status = 201, description = "The created account", body = UserDto, headers(("Location" = String))),
        (status = 409, description = "The e-mail address is taken", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/register")]
pub async fn register(
    db: web::Data<Db>,
    auth: web::Data<Auth>,
    body: Json<SignUp>,
) -> Result<HttpResponse, ApiError> {
    let (email, name, password, language) = validate(body.0)?;
    let hash = auth.passwords.hash(password).await?;
    let user = db
        .run(move |conn| {
            let new = NewUser {
                email: email.as_str(),
                name: &name,
                language: language.as_str(),
                password_hash: &hash,
                is_admin: false,
            };
            users::insert(conn, &new).map_err(|e| {
                if is_unique_violation(&e) {
                    ApiError::conflict("email_taken", "an account with this e-mail address exists")
                } else {
                    e.into()
                }
            })
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, "/v1/me"))
        .json(UserDto::new(user, Vec::new())))
}

/// Issues a new session for `user_id`.
async fn start_session(
    db: &Db,
    auth: &Auth,
    user_id: String,
    session_version: i64,
) -> Result<TokenPair, ApiError> {
    let access_token = auth
        .keys
        .issue(&user_id, session_version, ACCESS_TOKEN_TTL)
        .map_err(ApiError::internal)?;
    let refresh_token = tokens::new_refresh_token().map_err(ApiError::internal)?;
    let hash = tokens::token_hash(&refresh_token);
    db.run(move |conn| Ok(sessions::start(conn, &user_id, &hash, REFRESH_TOKEN_TTL)?))
        .await?;
    Ok(TokenPair {
        access_token,
        refresh_token,
        token_type: "Bearer",
        expires_in: ACCESS_TOKEN_TTL.as_secs(),
    })
}

fn no_store(pair: TokenPair) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(pair)
}

/// Log in
///
/// Exchanges e-mail and password for a session. A wrong e-mail and a wrong password get the
/// same answer in the same time. Repeated failures are answered 429 with `Retry-After`.
#[utoipa::path(
    operation_id = "login",
    tag = "auth",
    request_body = Credentials,
    responses(
        (status = 200, description = "A new session", body = TokenPair),
        (status = 401, description = "Wrong e-mail address or password", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts", body = Problem, content_type = "application/problem+json", headers(("Retry-After" = u64))),
    )
)]
#[post("/auth/login")]
pub async fn login(
    req: HttpRequest,
    db: web::Data<Db>,
    auth: web::Data<Auth>,
    body: Json<Credentials>,
) -> Result<HttpResponse, ApiError> {
    let Credentials { email, password } = body.0;
    let email = email.trim().to_lowercase();
    let address = req.peer_addr().map(|a| a.ip());
    auth.throttle
        .check(&email, address)
        .map_err(ApiError::TooManyRequests)?;
    let user = {
        let email = email.clone();
        db.run(move |conn| Ok(users::find_by_email(conn, &email)?))
            .await?
    };
    // Unknown addresses are checked against a decoy hash: the same work, the same answer.
    let valid = password.len() <= domain::account::MAX_PASSWORD_BYTES
        && auth
            .passwords
            .verify(password, user.as_ref().map(|u| u.password_hash.clone()))
            .await?;
    match user {
        Some(user) if valid => {
            auth.throttle.succeeded(&email, address);
            Ok(no_store(
                start_session(&db, &auth, user.id, user.session_version).await?,
            ))
        }
        _ => {
            auth.throttle.failed(&email, address);
            Err(ApiError::InvalidCredentials)
        }
    }
}

/// Refresh a session
///
/// Exchanges a refresh token for a new pair. Each refresh token works once: presenting a used
/// one again ends the whole session, as it means the token was copied.
#[utoipa::path(
    operation_id = "refreshSession",
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "The session's next tokens", body = TokenPair),
        (status = 401, description = "The refresh token is unknown, used, expired or revoked", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/refresh")]
pub async fn refresh(
    db: web::Data<Db>,
    auth: web::Data<Auth>,
    body: Json<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let presented = tokens::token_hash(body.0.token()?);
    let replacement = tokens::new_refresh_token().map_err(ApiError::internal)?;
    let replacement_hash = tokens::token_hash(&replacement);
    let user = db
        .run(
            move |conn| match sessions::rotate(conn, &presented, &replacement_hash)? {
                Rotation::Rotated { user_id } => Ok(users::find(conn, &user_id)?),
                Rotation::Reused => {
                    tracing::warn!(
                        "a used refresh token was presented again; its session is revoked"
                    );
                    Ok(None)
                }
                Rotation::Invalid => Ok(None),
            },
        )
        .await?
        .ok_or_else(|| {
            ApiError::InvalidToken("the refresh token is unknown, used, expired or revoked".into())
        })?;
    let access_token = auth
        .keys
        .issue(&user.id, user.session_version, ACCESS_TOKEN_TTL)
        .map_err(ApiError::internal)?;
    Ok(no_store(TokenPair {
        access_token,
        refresh_token: replacement,
        token_type: "Bearer",
        expires_in: ACCESS_TOKEN_TTL.as_secs(),
    }))
}

/// Log out
///
/// Ends the session of the refresh token: it and every token refreshed from the same login
/// stop working. Answers 204 whether or not the token was valid.
#[utoipa::path(
    operation_id = "logout",
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 204, description = "The session has ended"),
    ),
)]
#[post("/auth/logout")]
pub async fn logout(
    db: web::Data<Db>,
    body: Json<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let hash = tokens::token_hash(body.0.token()?);
    db.run(move |conn| Ok(sessions::end(conn, &hash)?)).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[cfg(test)]
mod tests {
    use utoipa::PartialSchema;

    use super::*;

    #[test]
    fn the_token_bound_is_documented() {
        let schema = serde_json::to_value(RefreshRequest::schema()).expect("a schema");
        assert_eq!(
            schema["properties"]["refresh_token"]["maxLength"],
            MAX_REFRESH_TOKEN
        );
    }
}
