//! Standard Webhooks signatures (<https://www.standardwebhooks.com>): a secret `whsec_<base64>`
//! and `webhook-signature: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, one
//! signature per secret in force, separated by spaces.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::auth::tokens::random_bytes;

const SECRET_PREFIX: &str = "whsec_";

/// A new secret: 32 random bytes.
pub fn new_secret() -> anyhow::Result<String> {
    Ok(format!(
        "{SECRET_PREFIX}{}",
        STANDARD.encode(random_bytes::<32>()?)
    ))
}

/// The `webhook-signature` header value of `body` sent as message `id` at `timestamp` (Unix
/// seconds), signed by each of `secrets`.
pub fn signatures(
    secrets: &[&str],
    id: &str,
    timestamp: i64,
    body: &[u8],
) -> anyhow::Result<String> {
    let signed: Vec<String> = secrets
        .iter()
        .map(|secret| sign(secret, id, timestamp, body))
        .collect::<anyhow::Result<_>>()?;
    Ok(signed.join(" "))
}

fn sign(secret: &str, id: &str, timestamp: i64, body: &[u8]) -> anyhow::Result<String> {
    let key = STANDARD
        .decode(secret.strip_prefix(SECRET_PREFIX).unwrap_or(secret))
        .map_err(|e| anyhow::anyhow!("a stored webhook secret is not base64: {e}"))?;
    let mut mac = Hmac::<Sha256>::new_from_slice(&key)
        .map_err(|e| anyhow::anyhow!("a webhook secret cannot key HMAC: {e}"))?;
    mac.update(id.as_bytes());
    mac.update(b".");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    Ok(format!(
        "v1,{}",
        STANDARD.encode(mac.finalize().into_bytes())
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of the Standard Webhooks specification.
    #[test]
    fn signs_as_the_specification_does() {
        let signed = signatures(
            &["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1_614_265_330,
            br#"{"test": 2432232314}"#,
        )
        .expect("signed");
        assert_eq!(signed, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    #[test]
    fn every_secret_in_force_signs() {
        let first = new_secret().expect("a secret");
        let second = new_secret().expect("a secret");
        assert!(first.starts_with("whsec_") && first != second);
        let both = signatures(&[&first, &second], "msg_1", 1, b"{}").expect("signed");
        let parts: Vec<&str> = both.split(' ').collect();
        assert_eq!(parts.len(), 2);
        assert_eq!(
            parts[0],
            signatures(&[&first], "msg_1", 1, b"{}").expect("signed")
        );
    }
}
