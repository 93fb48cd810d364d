//! Which industry codes and regions a query word names, through their labels in German, Czech
//! and English: "Sägewerk" names NACE 16.10 ("Säge-, Hobel- und Holzimprägnierwerke"),
//! "Aussig" the region CZ042. Documents carry only the codes; a query matches the ~1,000
//! labels once and searches by the codes it found, so a German query still finds a company
//! described only in Czech.
//!
//! A word inside a negation does not name its label's code: "non-metallic mineral products"
//! and "Erzeugnisse aus nichtmetallischen Mineralien" are not about metal, and "wood products,
//! except furniture" is not about furniture.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use super::document::add;
use super::words::words;
use crate::reference::Catalog;

/// A code a query word names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LabelMatch {
    Nace(&'static str),
    Region(&'static str),
}

/// The label words of every NACE code and region, sorted for prefix lookups.
#[derive(Debug)]
pub struct Labels {
    words: Vec<(String, LabelMatch)>,
}

/// Words that negate the next word: "non-ferrous", "nicht genannt".
const NOT: &[&str] = &["nicht", "non"];
/// Words that exclude the rest of their clause: "(ohne Möbel)", "kromě nábytku",
/// "except machinery and equipment".
const EXCEPT: &[&str] = &[
    "ausgenommen",
    "ausser",
    "except",
    "excluding",
    "krome",
    "mimo",
    "ohne",
];
/// Prefixes of words that negate themselves ("nichtmetallisch"): kept whole, never split into
/// parts that would match on their own.
const NEGATED_PREFIXES: &[&str] = &["nicht", "non"];

/// The words a label stands for: folded, compounds with their parts, negated words left out.
fn label_words(label: &str, out: &mut BTreeSet<String>) {
    for clause in label.split([',', ';', '(', ')', ':']) {
        let mut skip_next = false;
        for word in words(clause) {
            if EXCEPT.contains(&word.as_str()) {
                break;
            }
            if std::mem::take(&mut skip_next) {
                continue;
            }
            if NOT.contains(&word.as_str()) {
                skip_next = true;
            } else if NEGATED_PREFIXES.iter().any(|p| word.starts_with(p)) {
                out.insert(word);
            } else {
                add(out, word);
            }
        }
    }
}

static LABELS: LazyLock<Labels> = LazyLock::new(|| {
    let catalog = Catalog::get();
    let mut entries = Vec::new();
    let mut collect = |texts: [&str; 3], code: LabelMatch| {
        let mut set = BTreeSet::new();
        for text in texts {
            label_words(text, &mut set);
        }
        entries.extend(set.into_iter().map(|word| (word, code)));
    };
    for entry in catalog.nace_entries() {
        let label = &entry.label;
        collect(
            [&label.de, &label.cs, &label.en],
            LabelMatch::Nace(entry.code.as_str()),
        );
    }
    for region in catalog.regions() {
        let name = &region.name;
        collect(
            [&name.de, &name.cs, &name.en],
            LabelMatch::Region(region.code.as_str()),
        );
    }
    entries.sort_unstable();
    Labels { words: entries }
});

impl Labels {
    pub fn get() -> &'static Labels {
        &LABELS
    }

    /// The codes with a label word that starts with `prefix`, each once, in code order.
    pub fn matching(&self, prefix: &str) -> Vec<LabelMatch> {
        let start = self
            .words
            .partition_point(|(word, _)| word.as_str() < prefix);
        let mut found: Vec<LabelMatch> = self.words[start..]
            .iter()
            .take_while(|(word, _)| word.starts_with(prefix))
            .map(|&(_, code)| code)
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nace(prefix: &str) -> Vec<&'static str> {
        Labels::get()
            .matching(prefix)
            .into_iter()
            .filter_map(|m| match m {
                LabelMatch::Nace(code) => Some(code),
                LabelMatch::Region(_) => None,
            })
            .collect()
    }

    #[test]
    fn words_name_codes_in_every_language() {
        for prefix in ["sage", "sawmill", "pila"] {
            assert!(nace(prefix).contains(&"16.10"), "{prefix}");
        }
        assert!(
            Labels::get()
                .matching("aussig")
                .contains(&LabelMatch::Region("CZ042"))
        );
    }

    #[test]
    fn negated_words_name_nothing() {
        // Metal, but not the glassworks and mineral products of division 23.
        let metal = nace("metall");
        assert!(metal.contains(&"24") && metal.contains(&"25.11"));
        assert!(!metal.iter().any(|c| c.starts_with("23")), "{metal:?}");
        // Division 16 is wood "except furniture"; furniture is division 31.
        let furniture = nace("furniture");
        assert!(furniture.contains(&"31") && !furniture.contains(&"16"));
        assert!(!nace("mobel").contains(&"16") && !nace("nabyt").contains(&"16"));
        // Non-ferrous metals are metals, not iron.
        assert!(!nace("ferrous").contains(&"24.45"));
        assert!(nace("metal").contains(&"24.45"));
    }
}
