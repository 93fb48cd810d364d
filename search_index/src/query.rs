//! A search request as a tantivy query: the text expression scored by BM25 over edge n-grams,
//! whole-query name matches lifted into a tier of their own, and the filters as unscored
//! clauses.

use std::collections::BTreeSet;
use std::ops::Bound;

use chrono::{DateTime, Utc};
use domain::event::EventStatus;
use domain::reference::Catalog;
use domain::search::request::KM_PER_DEGREE;
use domain::search::{
    EventFilters, Expr, LabelMatch, Labels, Near, OpportunityFilters, SearchRequest,
};
use tantivy::Term;
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};

use crate::Target;
use crate::documents::{division, gram, nace_path};
use crate::fields::{Fields, cell, grid, scope};

/// Added to the score of results whose name alone matches the whole query, so they come
/// first whatever their text rank: far above any BM25 sum of a query of at most 8 words, and
/// small enough that an `f32` still tells BM25 scores apart next to it.
pub const NAME_TIER: f32 = 100_000.0;

/// How much of a multi-word text query a result must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matching {
    /// Every word.
    All,
    /// At least this many of the query's words.
    AtLeast(usize),
}

fn term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

fn any_of(clauses: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    Box::new(BooleanQuery::union(clauses))
}

fn all_of(clauses: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    Box::new(BooleanQuery::intersection(clauses))
}

/// Any of a few values of a field. A union of term queries, not a `TermSetQuery`: that one
/// builds a bit set of the whole segment per search, which costs more than the few posting
/// lists of a filter or of the codes a query word names.
fn one_of<'a>(field: Field, values: impl IntoIterator<Item = &'a str>) -> Box<dyn Query> {
    let mut clauses: Vec<Box<dyn Query>> = values
        .into_iter()
        .map(|value| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, value),
                IndexRecordOption::Basic,
            ))
        })
        .collect();
    match clauses.len() {
        1 => clauses.remove(0),
        _ => any_of(clauses),
    }
}

/// Alternative leaves of the text expression (the forms of one query word): each a prefix of a
/// word of the name or the text, or a word of the labels of the document's industries or
/// region. The codes all alternatives name are looked up once: "Holz", "dřevo" and "wood" name
/// the same industries.
fn alternatives(fields: &Fields, prefixes: &[&str]) -> Box<dyn Query> {
    let mut clauses = Vec::new();
    let (mut nace, mut regions) = (BTreeSet::new(), BTreeSet::new());
    for prefix in prefixes {
        let gram = gram(prefix);
        clauses.push(term(fields.name, gram));
        clauses.push(term(fields.body, gram));
        for found in Labels::get().matching(prefix) {
            match found {
                LabelMatch::Nace(code) => nace.insert(code),
                LabelMatch::Region(code) => regions.insert(code),
            };
        }
    }
    // A document answers to the division of each of its codes, so a division found makes the
    // codes below it redundant.
    let is_division = |code: &str| division(code) == Some(code);
    let divisions: BTreeSet<&str> = nace.iter().copied().filter(|c| is_division(c)).collect();
    nace.retain(|code| is_division(code) || !division(code).is_some_and(|d| divisions.contains(d)));
    // Label matches score a constant 1: a word of the profile's own text counts for more.
    for (field, codes) in [(fields.nace_label, nace), (fields.region, regions)] {
        if !codes.is_empty() {
            clauses.push(Box::new(ConstScoreQuery::new(one_of(field, codes), 1.0)));
        }
    }
    any_of(clauses)
}

fn expression(fields: &Fields, expr: &Expr) -> Box<dyn Query> {
    match expr {
        Expr::Prefix(p) => alternatives(fields, &[p]),
        Expr::All(items) => all_of(items.iter().map(|e| expression(fields, e)).collect()),
        Expr::Any(items) => {
            let prefixes: Vec<&str> = items
                .iter()
                .filter_map(|e| match e {
                    Expr::Prefix(p) => Some(p.as_str()),
                    _ => None,
                })
                .collect();
            let mut clauses: Vec<Box<dyn Query>> = items
                .iter()
                .filter(|e| !matches!(e, Expr::Prefix(_)))
                .map(|e| expression(fields, e))
                .collect();
            if !prefixes.is_empty() {
                clauses.push(alternatives(fields, &prefixes));
            }
            any_of(clauses)
        }
    }
}

/// The expression over name words only.
fn name_only(fields: &Fields, expr: &Expr) -> Box<dyn Query> {
    match expr {
        Expr::Prefix(p) => term(fields.name, gram(p)),
        Expr::All(items) => all_of(items.iter().map(|e| name_only(fields, e)).collect()),
        Expr::Any(items) => any_of(items.iter().map(|e| name_only(fields, e)).collect()),
    }
}

/// The words (groups of the expression) a partial match counts: the query's top-level terms.
pub fn words(expr: &Expr) -> &[Expr] {
    match expr {
        Expr::All(items) => items,
        other => std::slice::from_ref(other),
    }
}

/// The text part of the query.
fn text(fields: &Fields, expr: &Expr, matching: Matching) -> Box<dyn Query> {
    match matching {
        Matching::All => Box::new(BooleanQuery::new(vec![
            (Occur::Must, expression(fields, expr)),
            (
                Occur::Should,
                Box::new(ConstScoreQuery::new(name_only(fields, expr), NAME_TIER)),
            ),
        ])),
        Matching::AtLeast(n) => Box::new(BooleanQuery::union_with_minimum_required_clauses(
            words(expr).iter().map(|e| expression(fields, e)).collect(),
            n,
        )),
    }
}

fn facet(fields: &Fields, code: &str) -> Option<Box<dyn Query>> {
    let path = nace_path(Catalog::get(), code)?;
    let term = Term::from_facet(fields.nace, &path);
    Some(Box::new(TermQuery::new(term, IndexRecordOption::Basic)))
}

/// Cells of a bounding box looked up term by term; larger boxes are scanned as ranges.
const MAX_CELLS: usize = 400;

/// Documents in the bounding box of a circle (the collector then tests the exact distance):
/// the grid cells it covers, or for a large box two ranges of latitude and longitude.
fn around(fields: &Fields, near: Near, radius_km: f64) -> Box<dyn Query> {
    let dlat = radius_km / KM_PER_DEGREE;
    let dlon = radius_km / near.km_per_degree_longitude().max(1.0);
    let (south, north) = (near.latitude - dlat, near.latitude + dlat);
    let (west, east) = (near.longitude - dlon, near.longitude + dlon);
    let (rows, columns) = (grid(south)..=grid(north), grid(west)..=grid(east));
    if rows.clone().count() * columns.clone().count() > MAX_CELLS {
        return all_of(vec![
            f64_range(fields.latitude, south, north),
            f64_range(fields.longitude, west, east),
        ]);
    }
    let cells: Vec<String> = rows
        .flat_map(|row| columns.clone().map(move |column| cell(row, column)))
        .collect();
    one_of(fields.cell, cells.iter().map(String::as_str))
}

fn f64_range(field: Field, low: f64, high: f64) -> Box<dyn Query> {
    Box::new(RangeQuery::new(
        Bound::Included(Term::from_field_f64(field, low)),
        Bound::Included(Term::from_field_f64(field, high)),
    ))
}

/// A company's and product's status that everybody sees.
const PUBLISHED: &str = "published";

fn flag(field: Field, value: bool) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_bool(field, value),
        IndexRecordOption::Basic,
    ))
}

fn moments(field: Field, low: Bound<DateTime<Utc>>, high: Bound<DateTime<Utc>>) -> Box<dyn Query> {
    let term = |at: DateTime<Utc>| Term::from_field_i64(field, at.timestamp());
    Box::new(RangeQuery::new(low.map(term), high.map(term)))
}

/// What only events are filtered by.
fn event_filters(fields: &Fields, filters: &EventFilters) -> Vec<Box<dyn Query>> {
    let mut must = Vec::new();
    if let Some(from) = filters.from {
        must.push(moments(
            fields.ends,
            Bound::Included(from),
            Bound::Unbounded,
        ));
    }
    if let Some(to) = filters.to {
        must.push(moments(
            fields.starts,
            Bound::Unbounded,
            Bound::Excluded(to),
        ));
    }
    if !filters.languages.is_empty() {
        must.push(one_of(
            fields.language,
            filters.languages.iter().map(|l| l.as_str()),
        ));
    }
    if let Some(online) = filters.online {
        must.push(flag(fields.online, online));
    }
    if !filters.organisers.is_empty() {
        must.push(one_of(
            fields.organiser,
            filters.organisers.iter().map(String::as_str),
        ));
    }
    must
}

/// What only opportunities are filtered by.
fn opportunity_filters(fields: &Fields, filters: &OpportunityFilters) -> Vec<Box<dyn Query>> {
    let mut must = Vec::new();
    if let Some(at) = filters.valid_at {
        must.push(moments(fields.ends, Bound::Included(at), Bound::Unbounded));
    }
    if !filters.partnership_types.is_empty() {
        must.push(one_of(
            fields.partnership,
            filters.partnership_types.iter().copied(),
        ));
    }
    if !filters.target_countries.is_empty() {
        must.push(one_of(
            fields.target_country,
            filters.target_countries.iter().map(|c| c.as_str()),
        ));
    }
    if !filters.companies.is_empty() {
        must.push(one_of(
            fields.organiser,
            filters.companies.iter().map(String::as_str),
        ));
    }
    must
}

/// The filters every result must pass: what is searched, published, and the request's own.
fn filters(fields: &Fields, target: Target, request: &SearchRequest) -> Vec<Box<dyn Query>> {
    let mut must = vec![match target {
        Target::Companies => term(fields.scope, &scope("company", PUBLISHED)),
        Target::Products => term(fields.scope, &scope("product", PUBLISHED)),
        // Cancelled events stay listed, marked, so that calendars learn of the cancellation.
        Target::Events => one_of(
            fields.scope,
            [EventStatus::Published, EventStatus::Cancelled]
                .map(|status| scope("event", status.as_str()))
                .iter()
                .map(String::as_str),
        ),
        Target::Opportunities => term(fields.scope, &scope("opportunity", PUBLISHED)),
    }];
    match target {
        Target::Events => must.extend(event_filters(fields, &request.events)),
        Target::Opportunities => {
            must.extend(opportunity_filters(fields, &request.opportunities));
        }
        Target::Companies | Target::Products => {}
    }
    if let Some(country) = request.country {
        must.push(term(fields.country, country.as_str()));
    }
    if !request.regions.is_empty() {
        must.push(one_of(
            fields.region,
            request.regions.iter().map(|r| r.as_str()),
        ));
    }
    if request.programme_area {
        must.push(Box::new(TermQuery::new(
            Term::from_field_bool(fields.programme_area, true),
            IndexRecordOption::Basic,
        )));
    }
    if !request.nace.is_empty() {
        must.push(any_of(
            request
                .nace
                .iter()
                .filter_map(|code| facet(fields, code.as_str()))
                .collect(),
        ));
    }
    if !request.kinds.is_empty() {
        must.push(one_of(fields.kind, request.kinds.iter().copied()));
    }
    if !request.sizes.is_empty() {
        must.push(one_of(
            fields.size,
            request.sizes.iter().map(|s| s.as_str()),
        ));
    }
    for (field, value) in [
        (fields.verified, request.verified),
        (fields.has_products, request.has_products),
    ] {
        if let Some(value) = value {
            must.push(Box::new(TermQuery::new(
                Term::from_field_bool(field, value),
                IndexRecordOption::Basic,
            )));
        }
    }
    if let Some(near) = request.near
        && let Some(radius) = near.radius_km
    {
        must.push(around(fields, near, radius));
    }
    must
}

/// The whole query.
pub fn build(
    fields: &Fields,
    target: Target,
    request: &SearchRequest,
    matching: Matching,
) -> Box<dyn Query> {
    // Filters decide, they do not rank: wrapped to score 0.
    let filter = Box::new(ConstScoreQuery::new(
        all_of(filters(fields, target, request)),
        0.0,
    ));
    match &request.query {
        Some(query) => Box::new(BooleanQuery::new(vec![
            (Occur::Must, filter),
            (Occur::Must, text(fields, &query.expr, matching)),
        ])),
        None => filter,
    }
}
