//! Search: how texts become the words of searchable documents, how queries become boolean
//! matches, and which industry codes and regions a query word names. The index that runs them
//! lives in the `search_index` crate.

pub mod compound;
pub mod document;
pub mod glossary;
pub mod labels;
pub mod query;
pub mod request;
pub mod words;

pub use document::{
    CompanyText, EventText, ProductText, SearchDocument, company_document, event_document,
    product_document,
};
pub use glossary::{Concept, Glossary};
pub use labels::{LabelMatch, Labels};
pub use query::{Expr, SearchQuery};
pub use request::{EventFilters, Facet, Near, OpportunityFilters, SearchRequest, Sort};
