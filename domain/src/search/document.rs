//! The words of a company's or product's search document: its folded words, with German
//! compounds also split into their parts. The labels of its industry codes and region are not
//! copied in: queries match those labels once (see `labels`) and search by the codes.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

use super::compound::{is_known, split};
use super::words::{is_searchable, words};

/// The words of a document: name words (ranked higher) and all other words, each set sorted
/// and without repeats.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchDocument {
    pub name: BTreeSet<String>,
    pub body: BTreeSet<String>,
}

/// Distinct words a document keeps: enough for any real profile with its products, bounded so
/// that no profile can bloat the index.
pub const MAX_WORDS: usize = 5_000;

thread_local! {
    /// Compound splits already worked out: documents repeat the same words (product
    /// vocabulary), and rebuilding the index makes hundreds of thousands of documents.
    static SPLITS: RefCell<HashMap<String, Option<Vec<String>>>> = RefCell::new(HashMap::new());
}
const SPLIT_CACHE_SIZE: usize = 100_000;

/// Adds `word` and, for a known compound, its parts.
pub(super) fn add(set: &mut BTreeSet<String>, word: String) {
    if !is_searchable(&word) || set.len() >= MAX_WORDS {
        return;
    }
    let parts = SPLITS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(parts) = cache.get(&word) {
            return parts.clone();
        }
        if cache.len() >= SPLIT_CACHE_SIZE {
            cache.clear();
        }
        let parts = split(&word, &is_known);
        cache.insert(word.clone(), parts.clone());
        parts
    });
    // A part may itself be a known compound ("metallbearbeitung" in a "...betrieb").
    for part in parts.into_iter().flatten() {
        add(set, part);
    }
    set.insert(word);
}

impl SearchDocument {
    /// A name of the company or product: matches here rank first.
    pub fn name(&mut self, text: &str) -> &mut Self {
        for word in words(text) {
            add(&mut self.name, word);
        }
        self
    }

    /// Any other text: descriptions, keywords, product texts, the city.
    pub fn text(&mut self, text: &str) -> &mut Self {
        for word in words(text) {
            add(&mut self.body, word);
        }
        self
    }
}

/// The texts of a company that its document is made of.
#[derive(Debug, Clone, Default)]
pub struct CompanyText<'a> {
    pub name: &'a str,
    pub descriptions: [Option<&'a str>; 3],
    pub city: Option<&'a str>,
}

/// The texts of a product or service that documents are made of.
#[derive(Debug, Clone, Default)]
pub struct ProductText<'a> {
    pub names: [Option<&'a str>; 3],
    pub descriptions: [Option<&'a str>; 3],
    pub keywords: Vec<&'a str>,
}

impl SearchDocument {
    fn product_texts(&mut self, product: &ProductText<'_>) -> &mut Self {
        for text in product.descriptions.iter().flatten() {
            self.text(text);
        }
        for keyword in &product.keywords {
            self.text(keyword);
        }
        self
    }
}

/// A company's words: its name; its descriptions and city; and everything its products and
/// services say.
pub fn company_document(company: &CompanyText<'_>, products: &[ProductText<'_>]) -> SearchDocument {
    let mut document = SearchDocument::default();
    document.name(company.name);
    for text in company.descriptions.iter().flatten().chain(&company.city) {
        document.text(text);
    }
    for product in products {
        for name in product.names.iter().flatten() {
            document.text(name);
        }
        document.product_texts(product);
    }
    document
}

/// A product's words: its names; its texts; and who offers it where (the company's name and
/// city).
pub fn product_document(product: &ProductText<'_>, company: &CompanyText<'_>) -> SearchDocument {
    let mut document = SearchDocument::default();
    for name in product.names.iter().flatten() {
        document.name(name);
    }
    document.product_texts(product).text(company.name);
    if let Some(city) = company.city {
        document.text(city);
    }
    document
}

/// The texts of an event that its document is made of.
#[derive(Debug, Clone, Default)]
pub struct EventText<'a> {
    pub titles: [Option<&'a str>; 3],
    /// Summaries, descriptions, the venue and its city, the organiser's name.
    pub texts: Vec<&'a str>,
}

/// An event's words: its titles; and what it is about, where and by whom.
pub fn event_document(event: &EventText<'_>) -> SearchDocument {
    let mut document = SearchDocument::default();
    for title in event.titles.iter().flatten() {
        document.name(title);
    }
    for text in &event.texts {
        document.text(text);
    }
    document
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_texts_are_folded_words() {
        let mut document = SearchDocument::default();
        document
            .name("Pila Dvořák s.r.o.")
            .text("Řezivo a hranoly ze smrku");
        assert_eq!(Vec::from_iter(document.name), ["dvorak", "pila"]);
        assert_eq!(
            Vec::from_iter(document.body),
            ["hranoly", "rezivo", "smrku"],
            "function words are left out"
        );
    }

    #[test]
    fn compounds_bring_their_parts() {
        let mut document = SearchDocument::default();
        document.text("Holzverarbeitung");
        assert_eq!(
            Vec::from_iter(document.body),
            ["holz", "holzverarbeitung", "verarbeitung"]
        );
    }
}
