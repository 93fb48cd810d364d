//! Words as search sees them: folded, ASCII letters and digits only, with light stemming.

use crate::text::fold;

/// Letters that keep a base letter apart from their diacritic (so folding leaves them) and are
/// written with that base letter when typed without it.
fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'ł' => "l",
        'ø' => "o",
        'æ' => "ae",
        'œ' => "oe",
        'đ' => "d",
        'ı' => "i",
        _ => return None,
    })
}

/// The words of `text`: folded (case, diacritics, `ß`), split at anything that is not an ASCII
/// letter or digit. The index and the queries see the same words.
pub fn words(text: &str) -> impl Iterator<Item = String> {
    let mut ascii = String::with_capacity(text.len());
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            ascii.push(c);
        } else if let Some(s) = transliterate(c) {
            ascii.push_str(s);
        } else {
            ascii.push(' ');
        }
    }
    ascii
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect::<Vec<_>>()
        .into_iter()
}

/// Words too common to narrow a search (German, Czech and English function words).
const STOPWORDS: &[&str] = &[
    "a", "ab", "aber", "als", "am", "an", "and", "auf", "aus", "bei", "by", "das", "dem", "den",
    "der", "des", "die", "do", "ein", "eine", "for", "from", "fur", "i", "im", "in", "je", "k",
    "ke", "mit", "na", "nebo", "o", "od", "oder", "of", "on", "or", "po", "pro", "s", "se",
    "sowie", "the", "to", "u", "und", "v", "ve", "vom", "von", "with", "z", "za", "ze", "zu",
    "zum", "zur",
];

/// Whether a word narrows a search: not a function word and longer than one letter (so the
/// letters of "s.r.o." or "e. K." do not count).
pub fn is_searchable(word: &str) -> bool {
    word.len() > 1 && STOPWORDS.binary_search(&word).is_err()
}

/// Inflection endings of Czech, German and English, longest first.
const ENDINGS: &[&str] = &[
    "ami", "ach", "ech", "ich", "ing", "ove", "ovi", "ych", "ymi", "em", "en", "er", "es", "ou",
    "ym", "a", "e", "i", "n", "o", "s", "u", "y",
];

/// The shortest stem we cut a word down to: shorter stems match unrelated words.
const MIN_STEM: usize = 4;

/// A word without its inflection ending, as a prefix that matches the word's other forms:
/// "dřeva" and "dřevo" both give "drev", "Fräsen" gives "fras", "milling" gives "mill".
pub fn stem(word: &str) -> &str {
    ENDINGS
        .iter()
        .find_map(|ending| {
            word.strip_suffix(ending)
                .filter(|stem| stem.len() >= MIN_STEM)
        })
        .unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_ascii() {
        let all: Vec<String> = words("Säge-, Hobel- und Holzimprägnierwerke; Łódź 2024").collect();
        assert_eq!(
            all,
            [
                "sage",
                "hobel",
                "und",
                "holzimpragnierwerke",
                "lodz",
                "2024"
            ]
        );
        assert_eq!(
            words("ZPRACOVÁNÍ DŘEVA").collect::<Vec<_>>(),
            ["zpracovani", "dreva"]
        );
    }

    #[test]
    fn stopwords_are_sorted_for_lookup() {
        assert!(STOPWORDS.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(!is_searchable("und") && !is_searchable("r") && is_searchable("holz"));
    }

    #[test]
    fn stems_join_inflected_forms() {
        assert_eq!(stem("dreva"), stem("drevo"));
        assert_eq!(stem("frasen"), "fras");
        assert_eq!(stem("frezovani"), "frezovan");
        assert_eq!(stem("milling"), "mill");
        // Too short to cut: "pila" must not become "pil".
        assert_eq!(stem("pila"), "pila");
        assert_eq!(stem("holz"), "holz");
    }
}
