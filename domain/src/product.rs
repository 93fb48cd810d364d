//! Products and services that companies offer.

use crate::InvalidValue;
use crate::company::{Website, text};
use crate::language::LocalizedText;
use crate::reference::NaceCode;

string_enum!(
    /// Whether an offer is a thing or work done.
    ProductKind, "unknown_product_kind", "kind of offer" {
        Product = "product",
        Service = "service",
    }
);

/// A product or service, valid and ready to be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct NewProduct {
    pub kind: ProductKind,
    /// At least one language has a name.
    pub name: LocalizedText,
    pub description: LocalizedText,
    pub nace: Vec<NaceCode>,
    pub keywords: Vec<String>,
    pub image_url: Option<String>,
}

pub const MAX_NAME: usize = 200;
pub const MAX_DESCRIPTION: usize = 5_000;
pub const MAX_KEYWORDS: usize = 30;
pub const MAX_KEYWORD: usize = 60;

/// A keyword: trimmed, 1 to 60 characters, one line.
pub fn keyword(raw: &str) -> Result<String, InvalidValue> {
    match text(raw, MAX_KEYWORD)? {
        Some(word) if !word.contains(['\n', '\t']) => Ok(word),
        Some(_) => Err(InvalidValue::new(
            "invalid_characters",
            "a keyword is one line",
        )),
        None => Err(InvalidValue::new("required", "a keyword is not empty")),
    }
}

/// An image address: an http(s) URL like a website.
pub fn image_url(raw: &str) -> Result<String, InvalidValue> {
    Website::parse(raw).map(Website::into_string)
}

impl NewProduct {
    /// The name to sort by: the first of German, Czech, English that exists.
    pub fn sort_name(&self) -> &str {
        self.name
            .de
            .as_deref()
            .or(self.name.cs.as_deref())
            .or(self.name.en.as_deref())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_are_single_lines() {
        assert_eq!(keyword(" CNC "), Ok("CNC".into()));
        assert!(keyword("").is_err());
        assert!(keyword("a\nb").is_err());
        assert!(keyword(&"x".repeat(61)).is_err());
    }

    #[test]
    fn kinds_parse() {
        assert_eq!(ProductKind::parse("service"), Ok(ProductKind::Service));
        assert!(ProductKind::parse("thing").is_err());
    }
}
