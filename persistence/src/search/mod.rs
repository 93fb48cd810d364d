//! Finding companies and products: one function over both databases' full-text indexes (SQLite
//! FTS5, PostgreSQL `tsvector` + GIN) with filters, distance, keyset paging and facets.

pub mod index;
mod matching;

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Double, Integer, Nullable, Text};
use domain::company::CompanyStatus;
use domain::search::{Facet, SearchRequest, Sort};

use crate::DbConn;
use crate::db::Backend;
use crate::sql::{Sql, Value};

/// What is searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Companies,
    Products,
}

/// Where a result stands in the order: every sort key, so a page can continue after it.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Position {
    /// 1 when the whole query matches the name, else 0.
    #[diesel(sql_type = Integer)]
    pub tier: i32,
    /// Text relevance, higher is better (0 without a query).
    #[diesel(sql_type = Double)]
    pub score: f64,
    /// Squared distance in km² from `near` (0 without `near`; unknown locations last).
    #[diesel(sql_type = Double)]
    pub distance: f64,
    #[diesel(sql_type = Text)]
    pub name_sort: String,
    #[diesel(sql_type = Text)]
    pub id: String,
}

#[derive(Debug, Clone, QueryableByName)]
pub struct Hit {
    #[diesel(embed)]
    pub position: Position,
    #[diesel(sql_type = Nullable<Double>)]
    pub latitude: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    pub longitude: Option<f64>,
}

#[derive(QueryableByName)]
struct FacetRow {
    #[diesel(sql_type = Nullable<Text>)]
    facet: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    value: Option<String>,
    #[diesel(sql_type = BigInt)]
    count: i64,
}

/// How many results have a facet's value; without facet and value, the count of all results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    pub facet: Option<Facet>,
    pub value: Option<String>,
    pub count: i64,
}

#[derive(Debug, Clone)]
pub struct Results {
    pub hits: Vec<Hit>,
    /// Empty unless facets were asked for; then one count is of all results.
    pub facets: Vec<FacetCount>,
}

/// Stands for "no location" in the distance order, so such results come last.
const FAR_AWAY: f64 = 1.0e18;

/// The columns a target's SQL uses.
struct Columns {
    id: &'static str,
    name_sort: &'static str,
    kind: &'static str,
    /// The searched table, and the joins that bring in its company `c`.
    table: &'static str,
    joins: &'static str,
    /// The search documents, keyed by `doc_key`.
    documents: &'static str,
    doc_key: &'static str,
    fts: &'static str,
    nace: &'static str,
    nace_key: &'static str,
}

impl Target {
    fn columns(self) -> Columns {
        match self {
            Target::Companies => Columns {
                id: "c.id",
                name_sort: "c.name_sort",
                kind: "c.kind",
                table: "companies c",
                joins: "",
                documents: "company_search",
                doc_key: "company_id",
                fts: "company_fts",
                nace: "company_nace",
                nace_key: "company_id",
            },
            Target::Products => Columns {
                id: "p.id",
                name_sort: "p.name_sort",
                kind: "p.kind",
                table: "products p",
                joins: " JOIN companies c ON c.id = p.company_id",
                documents: "product_search",
                doc_key: "product_id",
                fts: "product_fts",
                nace: "product_nace",
                nace_key: "product_id",
            },
        }
    }
}

/// The published companies or products `request` asks for, in its order, after `after`, at
/// most `limit`; with facet counts over all results when the request asks for facets.
pub fn search(
    conn: &mut DbConn,
    target: Target,
    request: &SearchRequest,
    after: Option<&Position>,
    limit: i64,
) -> QueryResult<Results> {
    let backend = conn.backend();
    let columns = target.columns();
    let sort = request.effective_sort();

    let mut page = Sql::new(backend);
    page.push(
        "SELECT h.tier, h.score, h.distance, h.name_sort, h.id, h.latitude, h.longitude FROM (",
    );
    matched(&mut page, target, &columns, request, true);
    page.push(") h WHERE 1 = 1");
    if let Some(after) = after {
        keyset(&mut page, sort, after);
    }
    page.push(match sort {
        Sort::Relevance => " ORDER BY h.tier DESC, h.score DESC, h.name_sort ASC, h.id ASC",
        Sort::Name => " ORDER BY h.name_sort ASC, h.id ASC",
        Sort::Distance => " ORDER BY h.distance ASC, h.id ASC",
        Sort::Newest => " ORDER BY h.id DESC",
    });
    page.push(&format!(" LIMIT {limit}"));
    let hits = page.load::<Hit>(conn)?;

    let facets = if request.facets.is_empty() {
        Vec::new()
    } else {
        let mut counts = Sql::new(backend);
        counts.push("WITH h AS MATERIALIZED (");
        matched(&mut counts, target, &columns, request, false);
        counts.push(") SELECT NULL AS facet, NULL AS value, COUNT(*) AS count FROM h");
        for facet in &request.facets {
            let name = facet.as_str();
            counts.push(&match facet {
                Facet::Country | Facet::Region | Facet::Kind => format!(
                    " UNION ALL SELECT '{name}', h.{name}, COUNT(*) FROM h \
                     WHERE h.{name} IS NOT NULL GROUP BY h.{name}"
                ),
                Facet::NaceSection => format!(
                    " UNION ALL SELECT '{name}', n.section, COUNT(DISTINCT h.id) FROM h \
                     JOIN {nace} x ON x.{key} = h.id JOIN nace_codes n ON n.code = x.nace_code \
                     GROUP BY n.section",
                    nace = columns.nace,
                    key = columns.nace_key,
                ),
            });
        }
        counts
            .load::<FacetRow>(conn)?
            .into_iter()
            .map(|row| FacetCount {
                facet: row.facet.and_then(|f| Facet::parse(&f).ok()),
                value: row.value,
                count: row.count,
            })
            .collect()
    };
    Ok(Results { hits, facets })
}

/// Continues after `after` in the order `sort`.
fn keyset(sql: &mut Sql, sort: Sort, after: &Position) {
    let name_then_id = |sql: &mut Sql| {
        sql.push("(h.name_sort > ")
            .text(&after.name_sort)
            .push(" OR (h.name_sort = ")
            .text(&after.name_sort)
            .push(" AND h.id > ")
            .text(&after.id)
            .push("))");
    };
    match sort {
        Sort::Relevance => {
            sql.push(&format!(
                " AND (h.tier < {t} OR (h.tier = {t} AND (h.score < ",
                t = after.tier
            ))
            .bind(Value::Double(after.score))
            .push(" OR (h.score = ")
            .bind(Value::Double(after.score))
            .push(" AND ");
            name_then_id(sql);
            sql.push("))))");
        }
        Sort::Name => {
            sql.push(" AND ");
            name_then_id(sql);
        }
        Sort::Distance => {
            sql.push(" AND (h.distance > ")
                .bind(Value::Double(after.distance))
                .push(" OR (h.distance = ")
                .bind(Value::Double(after.distance))
                .push(" AND h.id > ")
                .text(&after.id)
                .push("))");
        }
        Sort::Newest => {
            sql.push(" AND h.id < ").text(&after.id);
        }
    }
}

/// `SELECT` of everything that matches the request, with all sort keys and facet columns.
/// Unless `ranked`, tier and score are left at 0: counting needs no relevance, and ranking is
/// the expensive part of a full-text match.
fn matched(
    sql: &mut Sql,
    target: Target,
    columns: &Columns,
    request: &SearchRequest,
    ranked: bool,
) {
    let query = request.query.as_ref().map(|q| &q.expr);
    let distance = request.near.map(|near| {
        let (ky, kx) = (
            domain::search::request::KM_PER_DEGREE,
            near.km_per_degree_longitude(),
        );
        format!(
            "((c.latitude - ({lat})) * {ky}) * ((c.latitude - ({lat})) * {ky}) + \
             ((c.longitude - ({lon})) * {kx}) * ((c.longitude - ({lon})) * {kx})",
            lat = near.latitude,
            lon = near.longitude,
        )
    });
    sql.push("SELECT ").push(columns.id).push(" AS id, ");
    match (query.filter(|_| ranked), sql.backend()) {
        (None, _) => {
            sql.push("CAST(0 AS INTEGER) AS tier, CAST(0 AS DOUBLE PRECISION) AS score, ");
        }
        (Some(expr), Backend::Sqlite) => {
            sql.push(&format!(
                "CASE WHEN m.doc_id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ",
                fts = columns.fts
            ))
            .text(&format!("{{name}} : {}", matching::fts5(expr)))
            .push(") THEN 1 ELSE 0 END AS tier, m.score AS score, ");
        }
        (Some(expr), Backend::Postgres) => {
            sql.push("CASE WHEN s.document @@ to_tsquery('simple', ")
                .text(&matching::tsquery(expr, true))
                .push(") THEN 1 ELSE 0 END AS tier, ")
                .push("CAST(ts_rank(s.document, to_tsquery('simple', ")
                .text(&matching::tsquery(expr, false))
                .push(")) AS DOUBLE PRECISION) AS score, ");
        }
    }
    match &distance {
        Some(d2) => sql.push(&format!("COALESCE({d2}, {FAR_AWAY:e}) AS distance, ")),
        None => sql.push("CAST(0 AS DOUBLE PRECISION) AS distance, "),
    };
    sql.push(columns.name_sort)
        .push(" AS name_sort, c.latitude AS latitude, c.longitude AS longitude, ")
        .push("c.country AS country, c.region AS region, ")
        .push(columns.kind)
        .push(" AS kind FROM ");
    match (query, sql.backend()) {
        (None, _) => {
            sql.push(columns.table).push(columns.joins);
        }
        (Some(expr), Backend::Sqlite) => {
            // The FTS match runs first and yields few rows; the rest are primary-key lookups.
            let score = if ranked {
                format!("-bm25({}, 10.0, 1.0)", columns.fts)
            } else {
                "0".to_owned()
            };
            sql.push(&format!(
                "(SELECT rowid AS doc_id, {score} AS score FROM {fts} WHERE {fts} MATCH ",
                fts = columns.fts
            ))
            .text(&matching::fts5(expr))
            .push(&format!(
                ") m JOIN {documents} s ON s.doc_id = m.doc_id JOIN {table} ON {id} = s.{key}{joins}",
                documents = columns.documents,
                table = columns.table,
                id = columns.id,
                key = columns.doc_key,
                joins = columns.joins,
            ));
        }
        (Some(expr), Backend::Postgres) => {
            sql.push(&format!(
                "{documents} s JOIN {table} ON {id} = s.{key} AND s.document @@ to_tsquery('simple', ",
                documents = columns.documents,
                table = columns.table,
                id = columns.id,
                key = columns.doc_key,
            ))
            .text(&matching::tsquery(expr, false))
            .push(")")
            .push(columns.joins);
        }
    }
    sql.push(" WHERE c.status = ")
        .text(CompanyStatus::Published.as_str());
    filters(sql, target, columns, request, distance.as_deref());
}

fn filters(
    sql: &mut Sql,
    target: Target,
    columns: &Columns,
    request: &SearchRequest,
    distance: Option<&str>,
) {
    if let Some(country) = request.country {
        sql.push(" AND c.country = ").text(country.as_str());
    }
    if !request.regions.is_empty() {
        sql.push(" AND c.region IN ")
            .list(request.regions.iter().map(|r| r.as_str()));
    }
    if request.programme_area {
        sql.push(" AND c.region IN (SELECT code FROM regions WHERE programme_area)");
    }
    if !request.nace.is_empty() {
        sql.push(&format!(
            " AND EXISTS (SELECT 1 FROM {nace} x WHERE x.{key} = {id} AND x.nace_code IN ",
            nace = columns.nace,
            key = columns.nace_key,
            id = columns.id,
        ))
        .list(request.nace_codes())
        .push(")");
    }
    if !request.kinds.is_empty() {
        sql.push(" AND ")
            .push(columns.kind)
            .push(" IN ")
            .list(request.kinds.iter().copied());
    }
    if !request.sizes.is_empty() {
        sql.push(" AND c.size_class IN ")
            .list(request.sizes.iter().map(|s| s.as_str()));
    }
    if let Some(verified) = request.verified {
        sql.push(" AND c.verified = ").bind(Value::Bool(verified));
    }
    if let (Some(has), Target::Companies) = (request.has_products, target) {
        sql.push(if has { " AND " } else { " AND NOT " })
            .push("EXISTS (SELECT 1 FROM products x WHERE x.company_id = c.id)");
    }
    if let (Some(near), Some(d2)) = (request.near, distance)
        && let Some(radius) = near.radius_km
    {
        // The bounding box lets the location index narrow the rows before the exact test.
        let dlat = radius / domain::search::request::KM_PER_DEGREE;
        let dlon = radius / near.km_per_degree_longitude().max(1.0);
        sql.push(&format!(
            " AND c.latitude BETWEEN {} AND {} AND c.longitude BETWEEN {} AND {} AND {d2} <= {}",
            near.latitude - dlat,
            near.latitude + dlat,
            near.longitude - dlon,
            near.longitude + dlon,
            radius * radius,
        ));
    }
}
