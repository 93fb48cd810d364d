//! Index documents of a company and its products, made from what the database stores.

use std::collections::BTreeSet;

use domain::reference::Catalog;
use domain::search::{
    CompanyText, EventText, ProductText, company_document, event_document, product_document,
};
use persistence::companies::Company;
use persistence::events::{Event, Text};
use persistence::opportunities::{self, Opportunity};
use persistence::products::Product;
use tantivy::TantivyDocument;
use tantivy::schema::Facet;

use crate::fields::{Fields, cell, grid, name_key, scope};

/// The longest prefix indexed. A query word longer than this is looked up by its first
/// `MAX_GRAM` letters, which still tells words apart in practice.
pub const MAX_GRAM: usize = 20;

/// The term a query prefix is looked up by.
pub fn gram(prefix: &str) -> &str {
    // Words are folded ASCII, so every index is a character boundary.
    &prefix[..prefix.len().min(MAX_GRAM)]
}

/// Every prefix of two letters or more of every word, each once, separated by spaces: edge
/// n-grams, which make a prefix query one term scored like any other (Elasticsearch's
/// `index_prefixes`).
fn grams(words: &BTreeSet<String>) -> String {
    let mut all: BTreeSet<&str> = BTreeSet::new();
    for word in words {
        for end in 2..=word.len().min(MAX_GRAM) {
            all.insert(&word[..end]);
        }
    }
    let mut text = String::with_capacity(all.iter().map(|g| g.len() + 1).sum());
    for gram in all {
        text.push_str(gram);
        text.push(' ');
    }
    text
}

/// A NACE code with its ancestors as a facet path, `/C/16/16.1/16.10`.
pub(crate) fn nace_path(catalog: &Catalog, code: &str) -> Option<Facet> {
    let mut path = vec![code];
    let mut entry = catalog.nace(code)?;
    while let Some(parent) = entry.parent.as_deref() {
        path.push(parent);
        entry = catalog.nace(parent)?;
    }
    path.reverse();
    Some(Facet::from_path(path))
}

/// The division a NACE code below a section belongs to: its first two digits ("16.10" →
/// "16"; a division is its own).
pub(crate) fn division(code: &str) -> Option<&str> {
    code.get(..2)
}

/// The codes whose labels a document answers to: each code and its division, as the labels
/// describe the code and the division around it.
fn label_codes<'a>(codes: impl IntoIterator<Item = &'a str>, into: &mut BTreeSet<&'a str>) {
    for code in codes {
        into.insert(code);
        into.extend(division(code));
    }
}

fn company_text(company: &Company) -> CompanyText<'_> {
    let row = &company.row;
    CompanyText {
        name: &row.name,
        descriptions: [
            row.description_de.as_deref(),
            row.description_cs.as_deref(),
            row.description_en.as_deref(),
        ],
        city: row.city.as_deref(),
    }
}

fn product_text(product: &Product) -> ProductText<'_> {
    let row = &product.row;
    ProductText {
        names: [
            row.name_de.as_deref(),
            row.name_cs.as_deref(),
            row.name_en.as_deref(),
        ],
        descriptions: [
            row.description_de.as_deref(),
            row.description_cs.as_deref(),
            row.description_en.as_deref(),
        ],
        keywords: row.keyword_list().collect(),
    }
}

/// What a document of the company and one of its products share: where and who.
fn add_company_facts(
    fields: &Fields,
    document: &mut TantivyDocument,
    entity: &str,
    company: &Company,
) {
    let row = &company.row;
    document.add_text(fields.scope, scope(entity, &row.status));
    document.add_text(fields.company_id, &row.id);
    add_place(
        fields,
        document,
        Some(&row.country),
        row.region.as_deref(),
        row.latitude.zip(row.longitude),
    );
    if let Some(size) = &row.size_class {
        document.add_text(fields.size, size);
    }
    document.add_bool(fields.verified, row.verified);
}

/// Where a document is: country, region (and whether it is in the programme area), and the
/// coordinates with their grid cell.
fn add_place(
    fields: &Fields,
    document: &mut TantivyDocument,
    country: Option<&str>,
    region: Option<&str>,
    location: Option<(f64, f64)>,
) {
    if let Some(country) = country {
        document.add_text(fields.country, country);
    }
    if let Some(region) = region {
        document.add_text(fields.region, region);
        let in_area = Catalog::get()
            .region(region)
            .is_some_and(|r| r.programme_area);
        document.add_bool(fields.programme_area, in_area);
    }
    if let Some((latitude, longitude)) = location {
        document.add_f64(fields.latitude, latitude);
        document.add_f64(fields.longitude, longitude);
        document.add_text(fields.cell, cell(grid(latitude), grid(longitude)));
    }
}

fn add_codes(fields: &Fields, document: &mut TantivyDocument, codes: &[&str]) {
    let catalog = Catalog::get();
    let mut sections = BTreeSet::new();
    for code in codes {
        if let Some(path) = nace_path(catalog, code) {
            document.add_facet(fields.nace, path);
        }
        if let Some(entry) = catalog.nace(code) {
            sections.insert(entry.section.as_str());
        }
    }
    for section in sections {
        document.add_text(fields.section, section);
    }
}

/// The documents of a company and of each of its products.
pub fn of_company(
    fields: &Fields,
    company: &Company,
    products: &[Product],
) -> Vec<TantivyDocument> {
    let row = &company.row;
    let texts = company_text(company);
    let product_texts: Vec<ProductText<'_>> = products.iter().map(product_text).collect();
    let company_codes: Vec<&str> = company.nace.iter().map(|n| n.nace_code.as_str()).collect();

    let mut documents = Vec::with_capacity(1 + products.len());
    let words = company_document(&texts, &product_texts);
    let mut document = TantivyDocument::new();
    document.add_text(fields.id, &row.id);
    document.add_text(fields.name, grams(&words.name));
    document.add_text(fields.body, grams(&words.body));
    document.add_text(fields.name_sort, &row.name_sort);
    document.add_u64(fields.name_key, name_key(&row.name_sort));
    document.add_text(fields.kind, &row.kind);
    document.add_bool(fields.has_products, !products.is_empty());
    add_company_facts(fields, &mut document, "company", company);
    add_codes(fields, &mut document, &company_codes);
    // The company answers to its products' industries too.
    let mut labels = BTreeSet::new();
    label_codes(company_codes.iter().copied(), &mut labels);
    for product in products {
        label_codes(product.nace.iter().map(String::as_str), &mut labels);
    }
    for code in labels {
        document.add_text(fields.nace_label, code);
    }
    documents.push(document);

    for (product, text) in products.iter().zip(&product_texts) {
        let words = product_document(text, &texts);
        let codes: Vec<&str> = product.nace.iter().map(String::as_str).collect();
        let mut document = TantivyDocument::new();
        document.add_text(fields.id, &product.row.id);
        document.add_text(fields.name, grams(&words.name));
        document.add_text(fields.body, grams(&words.body));
        document.add_text(fields.name_sort, &product.row.name_sort);
        document.add_u64(fields.name_key, name_key(&product.row.name_sort));
        document.add_text(fields.kind, &product.row.kind);
        add_company_facts(fields, &mut document, "product", company);
        add_codes(fields, &mut document, &codes);
        // A product that names no industry answers to its company's.
        let mut labels = BTreeSet::new();
        let own = if codes.is_empty() {
            &company_codes
        } else {
            &codes
        };
        label_codes(own.iter().copied(), &mut labels);
        for code in labels {
            document.add_text(fields.nace_label, code);
        }
        documents.push(document);
    }
    documents
}

/// An event's sort name: its start (UTC, to the second) and then its title, so that name
/// order is date order.
fn event_sort(event: &Event) -> String {
    format!(
        "{} {}",
        event.row.starts_at.format("%Y%m%d%H%M%S"),
        event.row.title_sort
    )
}

/// The document of an event.
pub fn of_event(fields: &Fields, event: &Event) -> TantivyDocument {
    let row = &event.row;
    let [title, summary, description] =
        [Text::Title, Text::Summary, Text::Description].map(|which| event.text(which));
    let mut texts: Vec<&str> = Vec::new();
    for text in [&summary, &description] {
        texts.extend(
            [&text.de, &text.cs, &text.en]
                .into_iter()
                .flatten()
                .map(String::as_str),
        );
    }
    texts.extend(
        [&row.venue_name, &row.city]
            .into_iter()
            .flatten()
            .map(String::as_str),
    );
    texts.push(&event.organiser_name);
    let words = event_document(&EventText {
        titles: [
            title.de.as_deref(),
            title.cs.as_deref(),
            title.en.as_deref(),
        ],
        texts,
    });
    let sort = event_sort(event);
    let mut document = TantivyDocument::new();
    document.add_text(fields.scope, scope("event", &row.status));
    document.add_text(fields.id, &row.id);
    document.add_text(fields.organiser, &row.organiser_id);
    document.add_text(fields.name, grams(&words.name));
    document.add_text(fields.body, grams(&words.body));
    document.add_u64(fields.name_key, name_key(&sort));
    document.add_text(fields.name_sort, sort);
    document.add_text(fields.kind, &row.kind);
    document.add_i64(fields.starts, row.starts_at.and_utc().timestamp());
    document.add_i64(fields.ends, row.ends_at.and_utc().timestamp());
    for language in row.language_codes() {
        document.add_text(fields.language, language);
    }
    document.add_bool(fields.online, row.online_url.is_some());
    add_place(
        fields,
        &mut document,
        row.country.as_deref(),
        row.region.as_deref(),
        row.latitude.zip(row.longitude),
    );
    let topics: Vec<&str> = row.topic_codes().collect();
    add_codes(fields, &mut document, &topics);
    let mut labels = BTreeSet::new();
    label_codes(topics.iter().copied(), &mut labels);
    for code in labels {
        document.add_text(fields.nace_label, code);
    }
    document
}

/// The document of an opportunity: its texts and keywords, and where its organisation is.
pub fn of_opportunity(fields: &Fields, opportunity: &Opportunity) -> TantivyDocument {
    let row = &opportunity.row;
    let publisher = &opportunity.publisher;
    let [title, summary, description] = [
        opportunities::Text::Title,
        opportunities::Text::Summary,
        opportunities::Text::Description,
    ]
    .map(|which| opportunity.text(which));
    let mut texts: Vec<&str> = Vec::new();
    for text in [&summary, &description] {
        texts.extend(
            [&text.de, &text.cs, &text.en]
                .into_iter()
                .flatten()
                .map(String::as_str),
        );
    }
    texts.extend(opportunities::lines(&row.keywords));
    texts.push(&publisher.name);
    let words = event_document(&EventText {
        titles: [
            title.de.as_deref(),
            title.cs.as_deref(),
            title.en.as_deref(),
        ],
        texts,
    });
    // A draft organisation's opportunities are not public, whatever their own status.
    let status = if publisher.status == "published" {
        row.status.as_str()
    } else {
        "draft"
    };
    let mut document = TantivyDocument::new();
    document.add_text(fields.scope, scope("opportunity", status));
    document.add_text(fields.id, &row.id);
    document.add_text(fields.organiser, &row.company_id);
    document.add_text(fields.name, grams(&words.name));
    document.add_text(fields.body, grams(&words.body));
    document.add_u64(fields.name_key, name_key(&row.title_sort));
    document.add_text(fields.name_sort, &row.title_sort);
    document.add_text(fields.kind, &row.kind);
    let last_moment = row
        .valid_until
        .and_hms_opt(23, 59, 59)
        .map(|at| at.and_utc().timestamp());
    document.add_i64(fields.ends, last_moment.unwrap_or(i64::MAX));
    for partnership in opportunities::lines(&row.partnership_types) {
        document.add_text(fields.partnership, partnership);
    }
    for country in opportunities::lines(&row.target_countries) {
        document.add_text(fields.target_country, country);
    }
    add_place(
        fields,
        &mut document,
        Some(&publisher.country),
        publisher.region.as_deref(),
        publisher.latitude.zip(publisher.longitude),
    );
    let codes: Vec<&str> = opportunities::lines(&row.nace).collect();
    add_codes(fields, &mut document, &codes);
    let mut labels = BTreeSet::new();
    label_codes(codes.iter().copied(), &mut labels);
    for code in labels {
        document.add_text(fields.nace_label, code);
    }
    document
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grams_are_every_prefix_once() {
        let words: BTreeSet<String> = ["holz", "hobel"].map(str::to_owned).into();
        assert_eq!(grams(&words), "ho hob hobe hobel hol holz ");
        let long: BTreeSet<String> = ["a".repeat(30)].into();
        assert_eq!(
            grams(&long).split(' ').filter(|g| !g.is_empty()).count(),
            19
        );
        assert_eq!(gram(&"b".repeat(30)).len(), MAX_GRAM);
    }

    #[test]
    fn codes_become_paths() {
        let path = nace_path(Catalog::get(), "16.10").expect("known code");
        assert_eq!(path.to_path_string(), "/C/16/16.1/16.10");
    }
}
