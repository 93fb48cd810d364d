//! The bilingual industry glossary: concepts named in German, Czech and English, so a query in
//! one language also finds texts in the others ("Fräsen" finds "frézování").

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use super::words::{is_searchable, stem, words};
use crate::InvalidValue;
use crate::language::Language;

const SHIPPED: &str = include_str!("../../data/glossary.csv");

/// One concept with its terms per language; a term may have several words ("vstřikování
/// plastů").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concept {
    pub de: Vec<String>,
    pub cs: Vec<String>,
    pub en: Vec<String>,
}

/// Most terms a concept has per language, and characters per term.
pub const MAX_TERMS: usize = 10;
pub const MAX_TERM_LENGTH: usize = 60;

impl Concept {
    /// Checks the terms an administrator adds: each term is 1 to 60 characters with at least one
    /// letter or digit, at most 10 per language, and the concept names at least two languages
    /// (a single language would translate nothing). Errors name the language and position.
    pub fn parse(
        de: Vec<String>,
        cs: Vec<String>,
        en: Vec<String>,
    ) -> Result<Self, Vec<(String, InvalidValue)>> {
        let mut errors = Vec::new();
        let mut check = |language: Language, terms: Vec<String>| -> Vec<String> {
            if terms.len() > MAX_TERMS {
                errors.push((
                    language.as_str().to_owned(),
                    InvalidValue::new("too_many_items", format!("at most {MAX_TERMS} terms")),
                ));
            }
            terms
                .into_iter()
                .enumerate()
                .filter_map(|(i, raw)| {
                    let term = raw.trim().to_owned();
                    let problem = if term.chars().count() > MAX_TERM_LENGTH {
                        Some(InvalidValue::new(
                            "too_long",
                            format!("at most {MAX_TERM_LENGTH} characters"),
                        ))
                    } else if words(&term).next().is_none() {
                        Some(InvalidValue::new(
                            "no_words",
                            "a term needs at least one letter or digit",
                        ))
                    } else {
                        None
                    };
                    match problem {
                        Some(e) => {
                            errors.push((format!("{}/{i}", language.as_str()), e));
                            None
                        }
                        None => Some(term),
                    }
                })
                .collect()
        };
        let concept = Concept {
            de: check(Language::De, de),
            cs: check(Language::Cs, cs),
            en: check(Language::En, en),
        };
        let languages = [&concept.de, &concept.cs, &concept.en]
            .iter()
            .filter(|terms| !terms.is_empty())
            .count();
        if languages < 2 && errors.is_empty() {
            errors.push((
                String::new(),
                InvalidValue::new(
                    "too_few_languages",
                    "a glossary entry names its concept in at least two of de, cs, en",
                ),
            ));
        }
        if errors.is_empty() {
            Ok(concept)
        } else {
            Err(errors)
        }
    }

    pub fn terms(&self) -> impl Iterator<Item = &str> {
        self.de
            .iter()
            .chain(&self.cs)
            .chain(&self.en)
            .map(String::as_str)
    }
}

/// The lookup key of a term: its searchable words' stems, so inflected forms meet ("dřeva" →
/// "drev") and a query, which drops function words, finds "chamber of crafts" as a phrase.
pub fn key(term: &str) -> String {
    words(term)
        .filter(|w| is_searchable(w))
        .map(|w| stem(&w).to_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Concepts indexed by the keys of their terms.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    concepts: Vec<Concept>,
    index: HashMap<String, Vec<usize>>,
    /// Most words in one key: the longest phrase a query is looked up by.
    longest: usize,
}

#[derive(Deserialize)]
struct Row {
    de: String,
    cs: String,
    en: String,
}

static SHIPPED_GLOSSARY: LazyLock<Glossary> = LazyLock::new(|| {
    let split = |terms: &str| -> Vec<String> {
        terms
            .split('|')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let concepts = csv::Reader::from_reader(SHIPPED.as_bytes())
        .deserialize::<Row>()
        .map(|row| {
            let row = row.expect("the shipped glossary is valid CSV");
            Concept {
                de: split(&row.de),
                cs: split(&row.cs),
                en: split(&row.en),
            }
        })
        .collect();
    Glossary::new(concepts)
});

impl Glossary {
    /// The glossary shipped with the platform (`domain/data/glossary.csv`).
    pub fn shipped() -> &'static Glossary {
        &SHIPPED_GLOSSARY
    }

    pub fn new(concepts: Vec<Concept>) -> Self {
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        let mut longest = 0;
        for (i, concept) in concepts.iter().enumerate() {
            for term in concept.terms() {
                let key = key(term);
                longest = longest.max(key.split(' ').count());
                let entry = index.entry(key).or_default();
                if !entry.contains(&i) {
                    entry.push(i);
                }
            }
        }
        Self {
            concepts,
            index,
            longest,
        }
    }

    /// Most words of a term, without function words.
    pub fn longest_term(&self) -> usize {
        self.longest
    }

    pub fn concepts(&self) -> &[Concept] {
        &self.concepts
    }

    /// The concepts with a term whose key is `key`.
    pub fn lookup<'a>(&'a self, key: &str) -> impl Iterator<Item = &'a Concept> + 'a {
        self.index
            .get(key)
            .into_iter()
            .flatten()
            .map(|&i| &self.concepts[i])
    }

    /// The folded words of the German terms: the parts German compounds are split into.
    pub fn german_words(&self) -> impl Iterator<Item = String> + '_ {
        self.concepts
            .iter()
            .flat_map(|c| &c.de)
            .flat_map(|term| words(term))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_glossary_has_a_few_hundred_concepts_in_all_languages() {
        let glossary = Glossary::shipped();
        assert!(glossary.concepts().len() >= 250);
        for concept in glossary.concepts() {
            assert!(
                !concept.de.is_empty() && !concept.cs.is_empty() && !concept.en.is_empty(),
                "{concept:?} lacks a language"
            );
        }
    }

    #[test]
    fn inflected_forms_find_their_concept() {
        let glossary = Glossary::shipped();
        let wood: Vec<&Concept> = glossary.lookup(&key("dřeva")).collect();
        assert!(wood.iter().any(|c| c.de.contains(&"Holz".to_owned())));
        let milling: Vec<&Concept> = glossary.lookup(&key("Fräsen")).collect();
        assert!(
            milling
                .iter()
                .any(|c| c.cs.contains(&"frézování".to_owned()))
        );
        assert!(glossary.lookup(&key("vstřikování plastů")).next().is_some());
    }

    #[test]
    fn added_concepts_are_checked() {
        assert!(Concept::parse(vec!["Holz".into()], vec!["dřevo".into()], vec![]).is_ok());
        let errors = Concept::parse(vec!["Holz".into()], vec![], vec![]).expect_err("one language");
        assert_eq!(errors[0].1.code, "too_few_languages");
        let errors =
            Concept::parse(vec!["--".into()], vec!["x".repeat(61)], vec![]).expect_err("bad terms");
        let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["de/0", "cs/0"]);
    }
}
