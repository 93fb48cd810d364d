//! The index's schema: which fields a document has and how each is indexed.

use tantivy::schema::{
    FAST, FacetOptions, Field, INDEXED, IndexRecordOption, STRING, Schema, TextFieldIndexing,
    TextOptions,
};

/// Raised whenever the schema or the way documents are built changes: an index of another
/// version is rebuilt from the database at start.
pub const SCHEMA_VERSION: u32 = 7;

/// The fields of every document, companies, products and events alike. An event's sort name
/// is its start time followed by its title, so name order is the order of its dates.
#[derive(Debug, Clone)]
pub struct Fields {
    pub schema: Schema,
    /// Entity and status in one term, `company published`: what a listing starts from, one
    /// posting list instead of an intersection of two.
    pub scope: Field,
    pub id: Field,
    /// The company itself, or the company offering a product: deleting by it removes a company
    /// with all of its products.
    pub company_id: Field,
    /// Every prefix of every name word (edge n-grams), so a prefix is one term, ranked by BM25.
    pub name: Field,
    /// The same for all other words.
    pub body: Field,
    /// Sort keys: the folded name, and the id as the final tie-breaker.
    pub name_sort: Field,
    /// The first eight bytes of the folded name as a number (see [`name_key`]): the index is
    /// sorted by it, so a listing in name order visits documents in about that order and stops
    /// after its page.
    pub name_key: Field,
    /// NACE codes as a hierarchy, `/C/16/16.1/16.10`: a code at any level is one term.
    pub nace: Field,
    /// The codes whose labels the document answers to: its codes and their divisions.
    pub nace_label: Field,
    /// NACE sections of the codes, counted as a facet.
    pub section: Field,
    pub country: Field,
    pub region: Field,
    pub programme_area: Field,
    /// Company kind, or `product` / `service`.
    pub kind: Field,
    pub size: Field,
    pub verified: Field,
    pub has_products: Field,
    pub latitude: Field,
    pub longitude: Field,
    /// The grid cell of the location (see [`cell`]): a radius search looks up the few cells
    /// around its point instead of scanning every latitude and longitude.
    pub cell: Field,
    /// Events: start and end, in seconds since 1970 (UTC); opportunities: the end of their
    /// last valid day as `ends`.
    pub starts: Field,
    pub ends: Field,
    /// Events: the languages they are held in.
    pub language: Field,
    /// Events: whether they have an online link.
    pub online: Field,
    /// Events: the organising company; opportunities: the publishing one. Not `company_id`,
    /// which removes a company's documents whenever the company changes.
    pub organiser: Field,
    /// Opportunities: the partnership types they seek, counted as a facet.
    pub partnership: Field,
    /// Opportunities: the countries they are aimed at.
    pub target_country: Field,
}

impl Fields {
    pub fn new() -> Self {
        let mut builder = Schema::builder();
        let words = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("whitespace")
                .set_index_option(IndexRecordOption::WithFreqs),
        );
        let keyword = STRING | FAST;
        let scope = builder.add_text_field("scope", STRING);
        let id = builder.add_text_field("id", keyword.clone());
        let company_id = builder.add_text_field("company_id", keyword.clone());
        let name = builder.add_text_field("name", words.clone());
        let body = builder.add_text_field("body", words);
        let name_sort = builder.add_text_field("name_sort", TextOptions::default().set_fast("raw"));
        let name_key = builder.add_u64_field("name_key", FAST);
        let nace = builder.add_facet_field("nace", FacetOptions::default());
        let nace_label = builder.add_text_field("nace_label", STRING);
        let section = builder.add_text_field("section", keyword.clone());
        let country = builder.add_text_field("country", keyword.clone());
        let region = builder.add_text_field("region", keyword.clone());
        let programme_area = builder.add_bool_field("programme_area", INDEXED);
        let kind = builder.add_text_field("kind", keyword);
        let size = builder.add_text_field("size", STRING | FAST);
        let verified = builder.add_bool_field("verified", INDEXED);
        let has_products = builder.add_bool_field("has_products", INDEXED);
        let latitude = builder.add_f64_field("latitude", INDEXED | FAST);
        let longitude = builder.add_f64_field("longitude", INDEXED | FAST);
        let cell = builder.add_text_field("cell", STRING);
        let starts = builder.add_i64_field("starts", INDEXED);
        let ends = builder.add_i64_field("ends", INDEXED);
        let language = builder.add_text_field("language", STRING);
        let online = builder.add_bool_field("online", INDEXED);
        let organiser = builder.add_text_field("organiser", STRING);
        let partnership = builder.add_text_field("partnership", STRING | FAST);
        let target_country = builder.add_text_field("target_country", STRING);
        Fields {
            schema: builder.build(),
            scope,
            id,
            company_id,
            name,
            body,
            name_sort,
            name_key,
            nace,
            nace_label,
            section,
            country,
            region,
            programme_area,
            kind,
            size,
            verified,
            has_products,
            latitude,
            longitude,
            cell,
            starts,
            ends,
            language,
            online,
            organiser,
            partnership,
            target_country,
        }
    }
}

/// A folded name's first eight bytes, big-endian: numbers in the order of the names' bytes
/// (names that share those bytes get the same number).
pub fn name_key(name_sort: &str) -> u64 {
    let mut bytes = [0u8; 8];
    for (to, from) in bytes.iter_mut().zip(name_sort.bytes()) {
        *to = from;
    }
    u64::from_be_bytes(bytes)
}

/// Degrees per grid cell: a tenth of a degree is 11 km north–south and 7 km east–west here.
const CELL_DEGREES: f64 = 0.1;

/// The row or column of the grid a latitude or longitude falls in.
pub fn grid(degrees: f64) -> i64 {
    (degrees / CELL_DEGREES).floor() as i64
}

/// The term of a grid cell.
pub fn cell(row: i64, column: i64) -> String {
    format!("{row}:{column}")
}

/// The `scope` term of a document.
pub fn scope(entity: &str, status: &str) -> String {
    format!("{entity} {status}")
}

impl Default for Fields {
    fn default() -> Self {
        Self::new()
    }
}

/// Field names the collector reads fast values of.
pub mod fast {
    pub const ID: &str = "id";
    pub const COMPANY_ID: &str = "company_id";
    pub const NAME_SORT: &str = "name_sort";
    pub const NAME_KEY: &str = "name_key";
    pub const SECTION: &str = "section";
    pub const COUNTRY: &str = "country";
    pub const REGION: &str = "region";
    pub const KIND: &str = "kind";
    pub const SIZE: &str = "size";
    pub const PARTNERSHIP: &str = "partnership";
    pub const LATITUDE: &str = "latitude";
    pub const LONGITUDE: &str = "longitude";
}
