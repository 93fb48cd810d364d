//! Folding of text for search and sorting: case, diacritics, `ß` and whitespace are ignored,
//! so "zpracovani dreva" matches "Zpracování dřeva" and "strasse" matches "Straße".

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Returns the folded form of `input`: lower case, without diacritics, `ß` as `ss`, and runs of
/// whitespace collapsed to one space with none at either end.
pub fn fold(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut pending_space = false;
    for c in input.nfkd().filter(|c| !is_combining_mark(*c)) {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn strips_czech_and_german_diacritics() {
        assert_eq!(fold("Zpracování dřeva"), "zpracovani dreva");
        assert_eq!(fold("ŽLUŤOUČKÝ KŮŇ"), "zlutoucky kun");
        assert_eq!(fold("Müller Öl Ärger"), "muller ol arger");
    }

    #[test]
    fn sharp_s_becomes_double_s() {
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("GROẞ"), "gross");
    }

    #[test]
    fn collapses_whitespace() {
        assert_eq!(fold("  Holz \t\n  Bau  "), "holz bau");
        assert_eq!(fold(""), "");
        assert_eq!(fold("   "), "");
    }
}
