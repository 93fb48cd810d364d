//! Accounts and access: e-mail addresses, the password policy, roles in an organisation and the
//! scopes of API keys.

use crate::InvalidValue;

/// Longest e-mail address SMTP can deliver to (RFC 5321 §4.5.3.1.3).
pub const MAX_EMAIL_LENGTH: usize = 254;

/// An e-mail address, trimmed and lower-cased so that one mailbox is one account.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    /// Accepts what a sign-up form should accept: `local@domain.tld` without spaces. Whether
    /// the mailbox exists is not something a parser can know.
    pub fn parse(raw: &str) -> Result<Self, InvalidValue> {
        let email = raw.trim().to_lowercase();
        let invalid = || {
            InvalidValue::new(
                "invalid_email",
                format!("'{}' is not an e-mail address", raw.trim()),
            )
        };
        if email.len() > MAX_EMAIL_LENGTH {
            return Err(InvalidValue::new(
                "too_long",
                format!("an e-mail address has at most {MAX_EMAIL_LENGTH} characters"),
            ));
        }
        let (local, domain) = email.split_once('@').ok_or_else(invalid)?;
        let well_formed = !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
            && !email.chars().any(|c| c.is_whitespace() || c.is_control());
        if well_formed {
            Ok(Self(email))
        } else {
            Err(invalid())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Longest password accepted: hashing cost grows with length, so this bounds the work one
/// request can cause.
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// The password policy: at least ten characters, at most 1 KiB, and not the account's e-mail.
pub fn check_password(password: &str, email: &Email) -> Result<(), InvalidValue> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(InvalidValue::new(
            "password_too_short",
            format!("a password needs at least {MIN_PASSWORD_CHARS} characters"),
        ));
    }
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(InvalidValue::new(
            "password_too_long",
            format!("a password has at most {MAX_PASSWORD_BYTES} bytes"),
        ));
    }
    if password.trim().to_lowercase() == email.as_str() {
        return Err(InvalidValue::new(
            "password_is_email",
            "the password must not be the e-mail address",
        ));
    }
    Ok(())
}

/// The longest display name of a person, in characters.
pub const MAX_PERSON_NAME: usize = 200;

/// A person's display name: trimmed, 1 to [`MAX_PERSON_NAME`] characters, no control characters.
pub fn person_name(raw: &str) -> Result<String, InvalidValue> {
    let name = raw.trim();
    if name.is_empty() {
        Err(InvalidValue::new("required", "a name is required"))
    } else if raw.chars().count() > MAX_PERSON_NAME {
        Err(InvalidValue::new(
            "too_long",
            format!("a name has at most {MAX_PERSON_NAME} characters"),
        ))
    } else if name.chars().any(char::is_control) {
        Err(InvalidValue::new(
            "invalid_characters",
            "a name must not contain control characters",
        ))
    } else {
        Ok(name.to_owned())
    }
}

/// Checks a new account against every rule at once: the normalised e-mail and name, or each
/// invalid field by name (`email`, `name`, `password`).
pub fn check_sign_up(
    email: &str,
    name: &str,
    password: &str,
) -> Result<(Email, String), Vec<(&'static str, InvalidValue)>> {
    let mut errors = Vec::new();
    let email = Email::parse(email)
        .map_err(|e| errors.push(("email", e)))
        .ok();
    let name = person_name(name).map_err(|e| errors.push(("name", e))).ok();
    if let Some(email) = &email
        && let Err(e) = check_password(password, email)
    {
        errors.push(("password", e));
    }
    match (email, name) {
        (Some(email), Some(name)) if errors.is_empty() => Ok((email, name)),
        _ => Err(errors),
    }
}

string_enum!(
    /// A user's role in an organisation: owners manage members, publish and delete; editors
    /// edit the profile.
    MemberRole, "unknown_role", "role" {
        Owner = "owner",
        Editor = "editor",
    }
);

string_enum!(
    /// What an API key of a multiplier institution may do.
    ApiScope, "unknown_scope", "scope" {
        Read = "read",
        Export = "export",
        Changes = "changes",
        Webhooks = "webhooks",
        Stats = "stats",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            Email::parse("  Jana.Novak@Example.CZ ").map(|e| e.0),
            Ok("jana.novak@example.cz".into())
        );
        for bad in [
            "",
            "jana",
            "@example.cz",
            "jana@",
            "jana@cz",
            "ja na@example.cz",
            "a@b@c.de",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad} must be rejected");
        }
        assert_eq!(
            Email::parse(&format!("{}@example.cz", "a".repeat(250))).map_err(|e| e.code),
            Err("too_long")
        );
    }

    #[test]
    fn password_policy() {
        let email = Email::parse("jana@example.cz").expect("valid");
        assert!(check_password("correct horse", &email).is_ok());
        assert_eq!(
            check_password("short", &email).map_err(|e| e.code),
            Err("password_too_short")
        );
        // Counted in characters, not bytes.
        assert!(check_password("ěščřžýáíéů", &email).is_ok());
        assert_eq!(
            check_password("Jana@Example.cz", &email).map_err(|e| e.code),
            Err("password_is_email")
        );
        assert_eq!(
            check_password(&"x".repeat(2000), &email).map_err(|e| e.code),
            Err("password_too_long")
        );
    }

    #[test]
    fn sign_up_reports_every_invalid_field() {
        let errors = check_sign_up("nope", "", "short").expect_err("invalid");
        let fields: Vec<&str> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["email", "name"]);
        let errors = check_sign_up("jana@example.cz", "Jana", "short").expect_err("weak");
        assert_eq!(errors[0].0, "password");
        assert!(check_sign_up("jana@example.cz", "Jana", "long enough!").is_ok());
    }

    #[test]
    fn names_and_enums() {
        assert_eq!(person_name("  Jana Nováková "), Ok("Jana Nováková".into()));
        assert!(person_name("   ").is_err());
        assert!(person_name("a\u{0}b").is_err());
        assert_eq!(ApiScope::parse("read"), Ok(ApiScope::Read));
        assert!(MemberRole::parse("admin").is_err());
    }
}
