//! Identities of companies in the public registers: the Czech IČO, the German commercial register
//! entry (court, register type, number) and the EU VAT id.

use std::fmt;
use std::str::FromStr;

use crate::InvalidValue;
use crate::country::Country;

/// A Czech company id (IČO): eight digits, the last a check digit over the first seven.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Ico(String);

impl Ico {
    /// Parses an IČO. Registers drop leading zeros and people type spaces, so both are accepted:
    /// `"25596641"`, `"255 96 641"` and `"0123459"` (padded to `"00123459"`).
    pub fn parse(raw: &str) -> Result<Self, InvalidValue> {
        let digits: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.is_empty() || digits.len() > 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(InvalidValue::new(
                "invalid_ico",
                format!("'{raw}' is not an IČO: expected up to 8 digits"),
            ));
        }
        let padded = format!("{digits:0>8}");
        let bytes = padded.as_bytes();
        let sum: u32 = bytes[..7]
            .iter()
            .zip((2..=8).rev())
            .map(|(b, weight)| u32::from(b - b'0') * weight)
            .sum();
        let expected = (11 - sum % 11) % 10;
        if u32::from(bytes[7] - b'0') != expected {
            return Err(InvalidValue::new(
                "invalid_ico_check_digit",
                format!("'{raw}' is not a valid IČO: its check digit should be {expected}"),
            ));
        }
        Ok(Self(padded))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Ico {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The divisions of the German register system a company can be entered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RegisterType {
    /// Handelsregister A: sole traders and partnerships (e. K., OHG, KG).
    Hra,
    /// Handelsregister B: corporations (GmbH, UG, AG).
    Hrb,
    /// Genossenschaftsregister (eG).
    GnR,
    /// Partnerschaftsregister (PartG).
    Pr,
    /// Vereinsregister (e. V.).
    Vr,
}

impl RegisterType {
    pub fn as_str(self) -> &'static str {
        match self {
            RegisterType::Hra => "HRA",
            RegisterType::Hrb => "HRB",
            RegisterType::GnR => "GnR",
            RegisterType::Pr => "PR",
            RegisterType::Vr => "VR",
        }
    }
}

impl FromStr for RegisterType {
    type Err = InvalidValue;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "HRA" => Ok(RegisterType::Hra),
            "HRB" => Ok(RegisterType::Hrb),
            "GnR" => Ok(RegisterType::GnR),
            "PR" => Ok(RegisterType::Pr),
            "VR" => Ok(RegisterType::Vr),
            _ => Err(InvalidValue::new(
                "unknown_register_type",
                format!("'{s}' is not one of the register types HRA, HRB, GnR, PR, VR"),
            )),
        }
    }
}

/// An entry in a German register: the keeping court (Amtsgericht), the register and the number.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GermanRegisterEntry {
    court: String,
    register_type: RegisterType,
    number: String,
}

impl GermanRegisterEntry {
    /// Parses a court name such as "Dresden" or "Amtsgericht Chemnitz" (stored without the
    /// "Amtsgericht" prefix so both spellings identify the same entry) and a number such as
    /// "12345" or "12345 B" (some courts append a letter).
    pub fn parse(court: &str, register_type: &str, number: &str) -> Result<Self, InvalidValue> {
        let court = court.trim();
        let court = court.strip_prefix("Amtsgericht ").unwrap_or(court).trim();
        if court.is_empty() || court.chars().count() > 100 {
            return Err(InvalidValue::new(
                "invalid_register_court",
                "the register court must be a name of 1 to 100 characters",
            ));
        }
        let register_type = register_type.parse()?;
        let number = number.trim();
        let (digits, suffix) = number.split_once(' ').unwrap_or((number, ""));
        let digits_ok =
            (1..=6).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
        let suffix_ok = suffix.len() <= 2 && suffix.bytes().all(|b| b.is_ascii_uppercase());
        if !digits_ok || !suffix_ok || digits.starts_with('0') {
            return Err(InvalidValue::new(
                "invalid_register_number",
                format!(
                    "'{number}' is not a register number: expected 1 to 6 digits, optionally followed by a space and a letter"
                ),
            ));
        }
        Ok(Self {
            court: court.to_owned(),
            register_type,
            number: number.to_owned(),
        })
    }

    pub fn court(&self) -> &str {
        &self.court
    }

    pub fn register_type(&self) -> RegisterType {
        self.register_type
    }

    pub fn number(&self) -> &str {
        &self.number
    }
}

/// An EU VAT identification number of one of our two countries: `DE` + 9 digits (USt-IdNr.) or
/// `CZ` + 8 to 10 digits (DIČ).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VatId(String);

impl VatId {
    pub fn parse(raw: &str) -> Result<Self, InvalidValue> {
        let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
        // `split_at_checked`, not `split_at`: the first two characters may be multi-byte.
        let (prefix, digits) = compact.split_at_checked(2).unwrap_or(("", ""));
        let digits_ok = digits.bytes().all(|b| b.is_ascii_digit());
        let valid = digits_ok
            && match prefix {
                "DE" => digits.len() == 9,
                "CZ" => (8..=10).contains(&digits.len()),
                _ => false,
            };
        if valid {
            Ok(Self(compact))
        } else {
            Err(InvalidValue::new(
                "invalid_vat_id",
                format!(
                    "'{raw}' is not a VAT id: expected DE and 9 digits, or CZ and 8 to 10 digits"
                ),
            ))
        }
    }

    pub fn country(&self) -> Country {
        if self.0.starts_with("DE") {
            Country::Germany
        } else {
            Country::Czechia
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_icos() {
        assert_eq!(Ico::parse("26168685").map(|i| i.0), Ok("26168685".into()));
        assert_eq!(Ico::parse("263 50 513").map(|i| i.0), Ok("26350513".into()));
        // 00064581 (Praha) appears without its leading zeros in some registers.
        assert_eq!(Ico::parse("64581").map(|i| i.0), Ok("00064581".into()));
    }

    #[test]
    fn check_digit_rules_for_remainders_zero_and_one() {
        // A weighted sum with remainder 0 gives check digit 1, remainder 1 gives 0.
        assert!(Ico::parse("00000001").is_ok());
        assert!(Ico::parse("00000000").is_err());
        assert!(Ico::parse("00000060").is_ok());
        assert!(Ico::parse("00000061").is_err());
    }

    #[test]
    fn rejects_wrong_check_digit_and_malformed_input() {
        assert_eq!(
            Ico::parse("26168686").map_err(|e| e.code),
            Err("invalid_ico_check_digit")
        );
        for raw in ["", "abc", "123456789", "2616868-5"] {
            assert_eq!(Ico::parse(raw).map_err(|e| e.code), Err("invalid_ico"));
        }
    }

    #[test]
    fn german_register_entries() {
        let entry =
            GermanRegisterEntry::parse("Amtsgericht Dresden", "HRB", "12345").expect("valid entry");
        assert_eq!(entry.court(), "Dresden");
        assert_eq!(entry.register_type(), RegisterType::Hrb);
        assert!(GermanRegisterEntry::parse("Chemnitz", "HRA", "987 B").is_ok());
        assert!(GermanRegisterEntry::parse("Chemnitz", "HRC", "987").is_err());
        assert!(GermanRegisterEntry::parse("Chemnitz", "HRB", "0123").is_err());
        assert!(GermanRegisterEntry::parse("", "HRB", "123").is_err());
    }

    #[test]
    fn vat_ids() {
        assert_eq!(
            VatId::parse("CZ26168685").map(|v| v.country()),
            Ok(Country::Czechia)
        );
        assert_eq!(
            VatId::parse("DE 123 456 789").map(|v| v.0),
            Ok("DE123456789".into())
        );
        assert!(VatId::parse("DE12345678").is_err());
        assert!(VatId::parse("AT123456789").is_err());
        assert!(VatId::parse("").is_err());
        // Found by schemathesis: a multi-byte character where the country code belongs.
        assert!(VatId::parse("1Þ8¸3]").is_err());
        assert!(VatId::parse("Þ").is_err());
    }
}
