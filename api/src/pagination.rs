//! Keyset pagination: `limit`, an opaque `cursor`, `{items, next_cursor}` and a `Link` header.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::error::{ApiError, FieldError};

pub const DEFAULT_LIMIT: i64 = 20;
pub const MAX_LIMIT: i64 = 100;

/// Parses `limit`: absent means the default, anything outside 1 to 100 is a 400 (not clamped,
/// so a client asking for 1000 learns it gets fewer).
pub fn limit(raw: Option<&str>) -> Result<i64, ApiError> {
    whole_number("limit", raw, DEFAULT_LIMIT, 1..=MAX_LIMIT)
}

/// Parses the whole-number parameter `name`: absent means `default`, anything outside `range`
/// (which the document declares) is a 400 naming it.
pub fn whole_number(
    name: &str,
    raw: Option<&str>,
    default: i64,
    range: std::ops::RangeInclusive<i64>,
) -> Result<i64, ApiError> {
    let Some(raw) = raw else {
        return Ok(default);
    };
    match raw.parse::<i64>() {
        Ok(n) if range.contains(&n) => Ok(n),
        _ => Err(ApiError::MalformedParameters(vec![FieldError::parameter(
            name,
            "out_of_range",
            format!(
                "'{raw}' is out of range; expected a whole number from {} to {}",
                range.start(),
                range.end()
            ),
        )])),
    }
}

/// Where a listing continues: the sort keys of the last item shown. The cursor is versioned so
/// its format can change without old cursors being misread.
pub fn encode_cursor(parts: &[&str]) -> String {
    URL_SAFE_NO_PAD.encode(format!("v1\u{1f}{}", parts.join("\u{1f}")))
}

fn malformed() -> ApiError {
    ApiError::InvalidParameters(vec![FieldError::parameter(
        "cursor",
        "malformed_cursor",
        "the cursor is not one this API issued for this listing; pass next_cursor from a previous page unchanged",
    )])
}

/// The `N` sort keys of a cursor from [`encode_cursor`]; the last (the id) must not be empty.
pub fn decode_cursor<const N: usize>(raw: &str) -> Result<[String; N], ApiError> {
    let bytes = URL_SAFE_NO_PAD.decode(raw).map_err(|_| malformed())?;
    let text = String::from_utf8(bytes).map_err(|_| malformed())?;
    let mut parts = text.split('\u{1f}');
    if parts.next() != Some("v1") {
        return Err(malformed());
    }
    let parts: Vec<String> = parts.map(str::to_owned).collect();
    match <[String; N]>::try_from(parts) {
        Ok(parts) if parts.last().is_some_and(|id| !id.is_empty()) => Ok(parts),
        _ => Err(malformed()),
    }
}

/// The id a listing in id order continues from: the one in `cursor`, if given.
pub fn id_cursor(cursor: Option<&str>) -> Result<Option<String>, ApiError> {
    Ok(cursor.map(decode_cursor::<1>).transpose()?.map(|[id]| id))
}

/// The query parameters of a plain listing: the page size and where to continue.
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Page size.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100, default = 20)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(max_length = 1024)]
    #[validate(length(max = 1024, message = "the cursor is too long"))]
    pub cursor: Option<String>,
}

/// One page of a listing.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// A listing that is short by nature (an organisation's members or keys) in one page, in
    /// the same envelope as every other list.
    pub fn whole(items: Vec<T>) -> Self {
        Self {
            items,
            next_cursor: None,
        }
    }
}

/// Answers one page of a listing in id order. `rows` were loaded with `limit + 1`: a row more
/// than `limit` means there is a next page, which continues after the last row shown. `item`
/// turns the rows shown into the response's items.
pub fn respond_by_id<R, T: Serialize>(
    req: &HttpRequest,
    rows: Vec<R>,
    limit: i64,
    id: impl Fn(&R) -> &str,
    item: impl FnMut(R) -> Result<T, ApiError>,
) -> Result<HttpResponse, ApiError> {
    respond_after(req, rows, limit, |last| encode_cursor(&[id(last)]), item)
}

/// Answers one page of a listing in any order, like [`respond_by_id`]; `cursor` makes the
/// cursor that continues after a row.
pub fn respond_after<R, T: Serialize>(
    req: &HttpRequest,
    mut rows: Vec<R>,
    limit: i64,
    cursor: impl Fn(&R) -> String,
    item: impl FnMut(R) -> Result<T, ApiError>,
) -> Result<HttpResponse, ApiError> {
    let has_more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let next_cursor = has_more.then(|| rows.last()).flatten().map(cursor);
    let items = rows.into_iter().map(item).collect::<Result<Vec<_>, _>>()?;
    let mut response = HttpResponse::Ok();
    if let Some(cursor) = &next_cursor {
        response.insert_header((header::LINK, next_link(req, cursor)));
    }
    Ok(response.json(Page { items, next_cursor }))
}

/// The `Link` header for the next page: the request's own path and query with `cursor`
/// replaced, as a reference relative to the request so it is right behind any proxy.
pub fn next_link(req: &HttpRequest, cursor: &str) -> String {
    let mut query: Vec<(String, String)> =
        serde_html_form::from_str(req.query_string()).unwrap_or_default();
    query.retain(|(key, _)| key != "cursor");
    query.push(("cursor".into(), cursor.into()));
    let query = serde_html_form::to_string(&query).unwrap_or_default();
    format!("<{}?{query}>; rel=\"next\"", req.path())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_round_trips() {
        let cursor = encode_cursor(&["müller | holz", "0190a-id"]);
        assert_eq!(
            decode_cursor::<2>(&cursor).ok(),
            Some(["müller | holz".into(), "0190a-id".into()])
        );
        assert!(decode_cursor::<3>(&cursor).is_err());
    }

    #[test]
    fn foreign_cursors_are_rejected() {
        for raw in [
            "",
            "abc",
            "!!!",
            &URL_SAFE_NO_PAD.encode("v2\u{1f}a\u{1f}b"),
        ] {
            assert!(decode_cursor::<2>(raw).is_err(), "{raw} must be rejected");
        }
    }

    proptest::proptest! {
        /// Whatever the sort keys hold (but the separator), a cursor gives them back.
        #[test]
        fn cursors_round_trip(name in "[^\u{1f}]{0,30}", id in "[^\u{1f}]{1,30}") {
            let cursor = encode_cursor(&[&name, &id]);
            proptest::prop_assert_eq!(decode_cursor::<2>(&cursor).ok(), Some([name, id]));
        }

        /// Any text sent as a cursor is one or a problem, never a panic.
        #[test]
        fn any_text_is_a_cursor_or_a_problem(raw in "\\PC{0,80}") {
            let _ = decode_cursor::<2>(&raw);
        }
    }

    #[test]
    fn limits() {
        assert_eq!(limit(None).ok(), Some(DEFAULT_LIMIT));
        assert_eq!(limit(Some("100")).ok(), Some(100));
        for raw in ["0", "101", "1000", "-1", "ten", ""] {
            assert!(limit(Some(raw)).is_err(), "{raw} must be rejected");
        }
    }
}
