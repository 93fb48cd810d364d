//! Search: how texts become searchable documents and queries become boolean matches, the same
//! for both databases.

pub mod compound;
pub mod document;
pub mod glossary;
pub mod query;
pub mod request;
pub mod words;

pub use document::{
    CompanyText, DocumentBuilder, ProductText, SearchDocument, company_document, product_document,
};
pub use glossary::{Concept, Glossary};
pub use query::{Expr, SearchQuery};
pub use request::{Facet, Near, SearchRequest, Sort};
