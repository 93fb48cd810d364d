//! Access tokens (JWT, HS256), opaque refresh tokens and API keys.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Who issues access tokens and whom they are for; both are checked on every request.
pub const ISSUER: &str = "partnernet";
pub const AUDIENCE: &str = "partnernet-api";
/// Shortest signing secret accepted: HS256 is only as strong as its key (RFC 7518 §3.2).
pub const MIN_SECRET_BYTES: usize = 32;
/// API keys start with this, which tells them apart from access tokens in `Authorization`.
pub const API_KEY_PREFIX: &str = "pn_";
const REFRESH_TOKEN_PREFIX: &str = "pnr_";

/// The claims of an access token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AccessClaims {
    pub iss: String,
    pub aud: String,
    /// The user's id.
    pub sub: String,
    pub iat: u64,
    pub exp: u64,
    /// The user's session version when the token was issued; a password change raises it.
    pub sv: i64,
}

#[derive(Debug, thiserror::Error)]
#[error("the JWT secret must be at least {MIN_SECRET_BYTES} bytes long (got {0})")]
pub struct WeakSecret(pub usize);

/// Signing and verification of access tokens with one pinned algorithm.
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl std::fmt::Debug for JwtKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JwtKeys(..)")
    }
}

impl JwtKeys {
    pub fn from_secret(secret: &[u8]) -> Result<Self, WeakSecret> {
        if secret.len() < MIN_SECRET_BYTES {
            return Err(WeakSecret(secret.len()));
        }
        // Only HS256 is accepted, whatever a token's header claims: no `none`, no algorithm
        // confusion. Every registered claim we rely on must be present.
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 5;
        Ok(Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
        })
    }

    pub fn issue(
        &self,
        user_id: &str,
        session_version: i64,
        ttl: Duration,
    ) -> anyhow::Result<String> {
        let now = unix_now();
        let claims = AccessClaims {
            iss: ISSUER.to_owned(),
            aud: AUDIENCE.to_owned(),
            sub: user_id.to_owned(),
            iat: now,
            exp: now + ttl.as_secs(),
            sv: session_version,
        };
        Ok(jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &self.encoding,
        )?)
    }

    pub fn verify(&self, token: &str) -> Result<AccessClaims, jsonwebtoken::errors::Error> {
        jsonwebtoken::decode::<AccessClaims>(token, &self.decoding, &self.validation)
            .map(|data| data.claims)
    }
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs()
}

/// 256 random bits from the operating system, base64url-encoded after `prefix`.
/// `N` bytes from the operating system's random source.
pub fn random_bytes<const N: usize>() -> anyhow::Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    Ok(bytes)
}

fn random_token(prefix: &str) -> anyhow::Result<String> {
    Ok(format!(
        "{prefix}{}",
        URL_SAFE_NO_PAD.encode(random_bytes::<32>()?)
    ))
}

pub fn new_refresh_token() -> anyhow::Result<String> {
    random_token(REFRESH_TOKEN_PREFIX)
}

pub fn new_api_key() -> anyhow::Result<String> {
    random_token(API_KEY_PREFIX)
}

/// Refresh tokens and API keys are stored as this hash. They carry 256 random bits, so a fast
/// hash is enough: unlike passwords they cannot be guessed from a dictionary.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Bytes as lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A fresh random secret for development, hex-encoded.
pub fn new_secret() -> anyhow::Result<String> {
    Ok(hex(&random_bytes::<48>()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_secrets_are_refused() {
        assert!(JwtKeys::from_secret(&[7; 31]).is_err());
        assert!(JwtKeys::from_secret(&[7; 32]).is_ok());
    }

    #[test]
    fn tokens_round_trip_and_are_random() -> anyhow::Result<()> {
        let keys = JwtKeys::from_secret(&[7; 32])?;
        let token = keys.issue("user-1", 3, Duration::from_secs(60))?;
        let claims = keys.verify(&token)?;
        assert_eq!((claims.sub.as_str(), claims.sv), ("user-1", 3));
        let other = JwtKeys::from_secret(&[8; 32])?;
        assert!(other.verify(&token).is_err());
        let (a, b) = (new_api_key()?, new_api_key()?);
        assert!(a.starts_with(API_KEY_PREFIX) && a.len() == 46 && a != b);
        assert_eq!(token_hash("abc").len(), 64);
        Ok(())
    }
}
