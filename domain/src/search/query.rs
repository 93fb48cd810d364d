//! A search query as the search index runs it: every word must match, each word through any of its
//! forms — its own prefix, the glossary's terms in all languages, or its compound parts.

use std::collections::HashSet;

use super::compound::{is_known, split};
use super::glossary::{Concept, Glossary, key};
use super::words::{is_searchable, stem, words};
use crate::InvalidValue;

/// A boolean match over the words of search documents. Leaves match every word starting with
/// their text; the text is folded ASCII letters and digits, never query syntax.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    Prefix(String),
    All(Vec<Expr>),
    Any(Vec<Expr>),
}

/// Longest query in characters, and most words after function words are dropped.
pub const MAX_QUERY_LENGTH: usize = 200;
pub const MAX_WORDS: usize = 8;

/// Builds `All`, flattening nested `All`s and dropping repeats.
fn all(items: Vec<Expr>) -> Expr {
    let mut out: Vec<Expr> = Vec::new();
    for item in items {
        match item {
            Expr::All(inner) => out.extend(inner),
            other => out.push(other),
        }
    }
    dedup(&mut out);
    if out.len() == 1 {
        out.remove(0)
    } else {
        Expr::All(out)
    }
}

/// Builds `Any`, flattening nested `Any`s, dropping repeats and prefixes that a shorter prefix
/// in the same `Any` already covers.
fn any(items: Vec<Expr>) -> Expr {
    let mut out: Vec<Expr> = Vec::new();
    for item in items {
        match item {
            Expr::Any(inner) => out.extend(inner),
            other => out.push(other),
        }
    }
    dedup(&mut out);
    let prefixes: Vec<String> = out
        .iter()
        .filter_map(|e| match e {
            Expr::Prefix(p) => Some(p.clone()),
            _ => None,
        })
        .collect();
    out.retain(|e| match e {
        Expr::Prefix(p) => !prefixes.iter().any(|q| q != p && p.starts_with(q.as_str())),
        _ => true,
    });
    if out.len() == 1 {
        out.remove(0)
    } else {
        Expr::Any(out)
    }
}

fn dedup(items: &mut Vec<Expr>) {
    let mut seen = Vec::with_capacity(items.len());
    items.retain(|e| {
        if seen.contains(e) {
            false
        } else {
            seen.push(e.clone());
            true
        }
    });
}

/// A parsed and expanded search query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    pub expr: Expr,
}

/// Expands words through the shipped glossary and the administrators' additions.
struct Expander<'a> {
    glossaries: [&'a Glossary; 2],
    added_words: HashSet<String>,
}

impl Expander<'_> {
    fn known(&self, word: &str) -> bool {
        is_known(word) || self.added_words.contains(word)
    }

    fn concepts(&self, key: &str) -> Vec<&Concept> {
        self.glossaries.iter().flat_map(|g| g.lookup(key)).collect()
    }

    /// A glossary term: all its words, each by its stem.
    fn term(term: &str) -> Expr {
        all(words(term)
            .filter(|w| is_searchable(w))
            .map(|w| Expr::Prefix(stem(&w).to_owned()))
            .collect())
    }

    /// One query word: its stem, its concepts' terms and, for a compound, all of its parts.
    fn word(&self, word: &str, split_compound: bool) -> Expr {
        let stemmed = stem(word);
        let mut forms = vec![Expr::Prefix(stemmed.to_owned())];
        for concept in self.concepts(stemmed) {
            forms.extend(concept.terms().map(Self::term));
        }
        if split_compound && let Some(parts) = split(word, &|w| self.known(w)) {
            forms.push(all(parts.iter().map(|p| self.word(p, false)).collect()));
        }
        any(forms)
    }
}

impl SearchQuery {
    /// Parses the `q` of a search, expanding it through the shipped glossary and `added`.
    pub fn parse(raw: &str, added: &Glossary) -> Result<Self, InvalidValue> {
        if raw.chars().count() > MAX_QUERY_LENGTH {
            return Err(InvalidValue::new(
                "too_long",
                format!("a query has at most {MAX_QUERY_LENGTH} characters"),
            ));
        }
        let query_words: Vec<String> = words(raw).filter(|w| is_searchable(w)).collect();
        if query_words.is_empty() {
            return Err(InvalidValue::new(
                "no_words",
                "the query has no words to search for",
            ));
        }
        if query_words.len() > MAX_WORDS {
            return Err(InvalidValue::new(
                "too_many_words",
                format!("a query has at most {MAX_WORDS} words"),
            ));
        }
        // Phrases as long as the longest term of either glossary are looked up.
        let longest = Glossary::shipped().longest_term().max(added.longest_term());
        let expander = Expander {
            glossaries: [Glossary::shipped(), added],
            added_words: added.german_words().collect(),
        };
        let mut groups = Vec::new();
        let mut i = 0;
        while i < query_words.len() {
            let phrase = (2..=longest.min(query_words.len() - i))
                .rev()
                .find_map(|n| {
                    let phrase = &query_words[i..i + n];
                    let concepts = expander.concepts(&key(&phrase.join(" ")));
                    (!concepts.is_empty()).then_some((n, concepts))
                });
            match phrase {
                Some((n, concepts)) => {
                    let literal = all(query_words[i..i + n]
                        .iter()
                        .map(|w| expander.word(w, true))
                        .collect());
                    let mut forms = vec![literal];
                    for concept in concepts {
                        forms.extend(concept.terms().map(Expander::term));
                    }
                    groups.push(any(forms));
                    i += n;
                }
                None => {
                    groups.push(expander.word(&query_words[i], true));
                    i += 1;
                }
            }
        }
        Ok(SearchQuery { expr: all(groups) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaves(expr: &Expr, out: &mut Vec<String>) {
        match expr {
            Expr::Prefix(p) => out.push(p.clone()),
            Expr::All(items) | Expr::Any(items) => items.iter().for_each(|e| leaves(e, out)),
        }
    }

    fn parse(raw: &str) -> Vec<String> {
        let query = SearchQuery::parse(raw, &Glossary::default()).expect("valid query");
        let mut out = Vec::new();
        leaves(&query.expr, &mut out);
        out
    }

    #[test]
    fn folds_and_prefixes_words() {
        let expected = SearchQuery::parse("zprac dřev", &Glossary::default()).map(|q| q.expr);
        assert_eq!(
            SearchQuery::parse("ZPRAC DŘEV", &Glossary::default()).map(|q| q.expr),
            expected
        );
        assert!(parse("strasse").contains(&"strass".to_owned()));
    }

    #[test]
    fn expands_through_the_glossary_both_ways() {
        assert!(parse("Fräsen").contains(&"frezovan".to_owned()));
        let wood = parse("dřevo");
        assert!(wood.contains(&"holz".to_owned()) && wood.contains(&"wood".to_owned()));
    }

    #[test]
    fn splits_compounds_into_their_parts() {
        let parts = parse("Holzverarbeitung");
        assert!(parts.contains(&"holzverarbeitung".to_owned()));
        assert!(parts.contains(&"holz".to_owned()) && parts.contains(&"verarbeitung".to_owned()));
        // The parts expand too: wood in Czech.
        assert!(parts.contains(&"drev".to_owned()));
    }

    #[test]
    fn added_terms_expand_queries() {
        let added = Glossary::new(vec![Concept {
            de: vec!["Klöppelspitze".into()],
            cs: vec!["paličkovaná krajka".into()],
            en: vec![],
        }]);
        let query = SearchQuery::parse("Klöppelspitze", &added).expect("valid");
        let mut out = Vec::new();
        leaves(&query.expr, &mut out);
        assert!(out.contains(&"krajk".to_owned()));
    }

    #[test]
    fn rejects_empty_and_oversized_queries() {
        let empty = Glossary::default();
        assert_eq!(
            SearchQuery::parse(" und , der ", &empty).map_err(|e| e.code),
            Err("no_words")
        );
        assert_eq!(
            SearchQuery::parse(&"a".repeat(201), &empty).map_err(|e| e.code),
            Err("too_long")
        );
        assert_eq!(
            SearchQuery::parse("a1 b2 c3 d4 e5 f6 g7 h8 i9", &empty).map_err(|e| e.code),
            Err("too_many_words")
        );
    }
}
