//! German compounds split into the known words they are made of: "holzverarbeitung" →
//! "holz" + "verarbeitung", so a compound finds what its parts find and the other way round.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::glossary::Glossary;
use super::words::words;

/// Common parts of German compounds in the region's industries that are not glossary terms.
const COMPOUND_WORDS: &str = include_str!("../../data/compound_words.txt");

/// The words compounds are split into: the shipped glossary's German words and the list of
/// common compound parts.
static KNOWN: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut known: HashSet<String> = Glossary::shipped().german_words().collect();
    known.extend(
        COMPOUND_WORDS
            .lines()
            .filter(|line| !line.starts_with('#'))
            .flat_map(words),
    );
    known.retain(|w| w.len() >= MIN_PART);
    known
});

pub fn is_known(word: &str) -> bool {
    KNOWN.contains(word)
}

/// Parts shorter than this are not split off: "ei" or "an" would cut almost anything.
const MIN_PART: usize = 3;
/// Joints between the parts of a German compound (Fugenelemente), as in "Verarbeitungsbetrieb".
const JOINTS: &[&str] = &["s", "es", "n", "en", "e"];
/// Endings the last part may carry, as in "Holzbauten".
const LAST_ENDINGS: &[&str] = &["e", "en", "er", "es", "n", "s"];

/// The known words `word` is made of, if it is made of two or more; `known` says which words
/// are known. Splits with fewer, longer parts win.
pub fn split(word: &str, known: &dyn Fn(&str) -> bool) -> Option<Vec<String>> {
    if word.len() < 2 * MIN_PART || word.len() > 60 {
        return None;
    }
    (MIN_PART..=word.len() - MIN_PART).rev().find_map(|end| {
        let head = &word[..end];
        if !known(head) {
            return None;
        }
        let rest = &word[end..];
        let tail = std::iter::once(rest)
            .chain(JOINTS.iter().filter_map(|j| rest.strip_prefix(j)))
            .find_map(|tail| rest_parts(tail, known))?;
        Some(std::iter::once(head.to_owned()).chain(tail).collect())
    })
}

/// The parts of the rest of a compound: one known word (perhaps inflected) or a further split.
fn rest_parts(rest: &str, known: &dyn Fn(&str) -> bool) -> Option<Vec<String>> {
    if rest.len() < MIN_PART {
        return None;
    }
    if known(rest) {
        return Some(vec![rest.to_owned()]);
    }
    if let Some(base) = LAST_ENDINGS
        .iter()
        .filter_map(|e| rest.strip_suffix(e))
        .find(|base| base.len() >= MIN_PART && known(base))
    {
        return Some(vec![base.to_owned()]);
    }
    split(rest, known)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(word: &str) -> Option<Vec<String>> {
        split(word, &is_known)
    }

    #[test]
    fn splits_compounds_into_known_words() {
        assert_eq!(
            parts("holzverarbeitung"),
            Some(vec!["holz".into(), "verarbeitung".into()])
        );
        assert_eq!(
            parts("kunststoffspritzguss"),
            Some(vec!["kunststoff".into(), "spritzguss".into()])
        );
        assert_eq!(
            parts("metallbearbeitungsbetrieb"),
            Some(vec!["metallbearbeitung".into(), "betrieb".into()])
        );
        assert_eq!(
            parts("kunststoffteilen"),
            Some(vec!["kunststoff".into(), "teil".into()])
        );
    }

    #[test]
    fn leaves_other_words_alone() {
        assert_eq!(parts("holz"), None);
        assert_eq!(parts("zpracovani"), None);
        assert_eq!(parts("holzxyzabc"), None);
    }
}
