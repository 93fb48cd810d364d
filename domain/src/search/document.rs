//! The search document of a company or product: the set of its folded words, with German
//! compounds also split into their parts, and the words of its NACE codes' and region's labels
//! in all three languages — so a German query finds a company described only in Czech.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

use super::compound::{is_known, split};
use super::words::{is_searchable, words};
use crate::company::NewCompany;
use crate::product::NewProduct;
use crate::reference::Catalog;

/// What the database indexes: name words (ranked higher) and all other words, each a
/// space-separated list of distinct words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchDocument {
    pub name: String,
    pub body: String,
}

/// Distinct words a document keeps: enough for any real profile with its products, bounded so
/// that no profile can bloat the index.
pub const MAX_WORDS: usize = 5_000;

/// Collects the words of a document.
#[derive(Debug, Default)]
pub struct DocumentBuilder {
    name: BTreeSet<String>,
    body: BTreeSet<String>,
}

thread_local! {
    /// Compound splits already worked out: documents repeat the same words (labels, product
    /// vocabulary), and bulk imports build thousands of documents.
    static SPLITS: RefCell<HashMap<String, Option<Vec<String>>>> = RefCell::new(HashMap::new());
}
const SPLIT_CACHE_SIZE: usize = 100_000;

fn add(set: &mut BTreeSet<String>, word: String) {
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

/// The words of every NACE code's labels and of its division's labels, in all languages.
static NACE_WORDS: LazyLock<HashMap<String, BTreeSet<String>>> = LazyLock::new(|| {
    let catalog = Catalog::get();
    catalog
        .nace_entries()
        .iter()
        .map(|entry| {
            let mut set = BTreeSet::new();
            let division = entry.code.get(..2).and_then(|d| catalog.nace(d));
            for e in std::iter::once(entry).chain(division) {
                for label in [&e.label.de, &e.label.cs, &e.label.en] {
                    for word in words(label) {
                        add(&mut set, word);
                    }
                }
            }
            (entry.code.clone(), set)
        })
        .collect()
});

impl DocumentBuilder {
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

    /// The labels of a NACE code (and of its division) in German, Czech and English.
    pub fn nace(&mut self, code: &str) -> &mut Self {
        if let Some(set) = NACE_WORDS.get(code) {
            for word in set {
                if self.body.len() < MAX_WORDS {
                    self.body.insert(word.clone());
                }
            }
        }
        self
    }

    /// The region's names in German, Czech and English.
    pub fn region(&mut self, code: &str) -> &mut Self {
        if let Some(region) = Catalog::get().region(code) {
            let names = [&region.name.de, &region.name.cs, &region.name.en];
            for name in names {
                self.text(name);
            }
        }
        self
    }

    pub fn finish(self) -> SearchDocument {
        let join = |set: BTreeSet<String>| set.into_iter().collect::<Vec<_>>().join(" ");
        SearchDocument {
            name: join(self.name),
            body: join(self.body),
        }
    }
}

/// The texts of a company that its document is made of.
#[derive(Debug, Clone, Default)]
pub struct CompanyText<'a> {
    pub name: &'a str,
    pub descriptions: [Option<&'a str>; 3],
    pub city: Option<&'a str>,
    pub region: Option<&'a str>,
    pub nace: Vec<&'a str>,
}

/// The texts of a product or service that documents are made of.
#[derive(Debug, Clone, Default)]
pub struct ProductText<'a> {
    pub names: [Option<&'a str>; 3],
    pub descriptions: [Option<&'a str>; 3],
    pub keywords: Vec<&'a str>,
    pub nace: Vec<&'a str>,
}

impl<'a> CompanyText<'a> {
    /// The texts of a profile about to be stored.
    pub fn of(company: &'a NewCompany) -> Self {
        Self {
            name: &company.name,
            descriptions: [
                company.description.de.as_deref(),
                company.description.cs.as_deref(),
                company.description.en.as_deref(),
            ],
            city: company.address.city.as_deref(),
            region: company.address.region.as_ref().map(|r| r.as_str()),
            nace: company.nace.iter().map(|c| c.as_str()).collect(),
        }
    }
}

impl<'a> ProductText<'a> {
    /// The texts of a product about to be stored.
    pub fn of(product: &'a NewProduct) -> Self {
        Self {
            names: [
                product.name.de.as_deref(),
                product.name.cs.as_deref(),
                product.name.en.as_deref(),
            ],
            descriptions: [
                product.description.de.as_deref(),
                product.description.cs.as_deref(),
                product.description.en.as_deref(),
            ],
            keywords: product.keywords.iter().map(String::as_str).collect(),
            nace: product.nace.iter().map(|c| c.as_str()).collect(),
        }
    }
}

impl DocumentBuilder {
    fn product_texts(&mut self, product: &ProductText<'_>) -> &mut Self {
        for text in product.descriptions.iter().flatten() {
            self.text(text);
        }
        for keyword in &product.keywords {
            self.text(keyword);
        }
        for code in &product.nace {
            self.nace(code);
        }
        self
    }
}

/// A company's document: its name; its descriptions, city, region and industries; and
/// everything its products and services say.
pub fn company_document(company: &CompanyText<'_>, products: &[ProductText<'_>]) -> SearchDocument {
    let mut builder = DocumentBuilder::default();
    builder.name(company.name);
    for text in company.descriptions.iter().flatten().chain(&company.city) {
        builder.text(text);
    }
    if let Some(region) = company.region {
        builder.region(region);
    }
    for code in &company.nace {
        builder.nace(code);
    }
    for product in products {
        for name in product.names.iter().flatten() {
            builder.text(name);
        }
        builder.product_texts(product);
    }
    builder.finish()
}

/// A product's document: its names; its texts and industries (the company's when it names
/// none of its own); and who offers it where (the company's name, city and region).
pub fn product_document(product: &ProductText<'_>, company: &CompanyText<'_>) -> SearchDocument {
    let mut builder = DocumentBuilder::default();
    for name in product.names.iter().flatten() {
        builder.name(name);
    }
    builder.product_texts(product).text(company.name);
    if product.nace.is_empty() {
        for code in &company.nace {
            builder.nace(code);
        }
    }
    if let Some(city) = company.city {
        builder.text(city);
    }
    if let Some(region) = company.region {
        builder.region(region);
    }
    builder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn czech_sawmill_gets_german_words_from_its_industry_code() {
        let mut builder = DocumentBuilder::default();
        builder
            .name("Pila Dvořák s.r.o.")
            .text("Řezivo a hranoly ze smrku")
            .nace("16.10")
            .region("CZ042");
        let document = builder.finish();
        assert_eq!(document.name, "dvorak pila");
        let body: Vec<&str> = document.body.split(' ').collect();
        for word in ["rezivo", "sawmilling", "holz", "ustecky", "aussig"] {
            assert!(
                body.iter().any(|w| w.starts_with(word)),
                "{word} missing in {body:?}"
            );
        }
        assert!(!body.contains(&"a"), "function words are left out");
    }

    #[test]
    fn compounds_bring_their_parts() {
        let mut builder = DocumentBuilder::default();
        builder.text("Holzverarbeitung");
        let body = builder.finish().body;
        assert_eq!(body, "holz holzverarbeitung verarbeitung");
    }
}
