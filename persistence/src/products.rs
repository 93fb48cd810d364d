//! Products and services of companies.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::product::NewProduct;
use domain::text::fold;

use crate::DbConn;
use crate::audit::{self, Actor};
use crate::clock::now;
use crate::companies::new_id;
use crate::schema::{companies, product_nace, products};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = products, treat_none_as_default_value = false, treat_none_as_null = true)]
pub struct ProductRow {
    pub id: String,
    pub company_id: String,
    pub kind: String,
    pub name_de: Option<String>,
    pub name_cs: Option<String>,
    pub name_en: Option<String>,
    pub name_sort: String,
    pub description_de: Option<String>,
    pub description_cs: Option<String>,
    pub description_en: Option<String>,
    /// One keyword per line.
    pub keywords: String,
    pub image_url: Option<String>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl ProductRow {
    pub fn keyword_list(&self) -> impl Iterator<Item = &str> {
        self.keywords.lines().filter(|k| !k.is_empty())
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = product_nace, treat_none_as_default_value = false)]
pub struct ProductNaceRow {
    pub product_id: String,
    pub nace_code: String,
}

/// A product with its NACE codes and the name of the company offering it.
#[derive(Debug, Clone)]
pub struct Product {
    pub row: ProductRow,
    pub nace: Vec<String>,
    pub company_name: String,
}

/// The rows that store `new` as product `id` of `company_id`.
pub(crate) fn to_rows(
    new: &NewProduct,
    id: String,
    company_id: &str,
    at: NaiveDateTime,
) -> (ProductRow, Vec<ProductNaceRow>) {
    let nace = new
        .nace
        .iter()
        .map(|code| ProductNaceRow {
            product_id: id.clone(),
            nace_code: code.as_str().to_owned(),
        })
        .collect();
    let row = ProductRow {
        company_id: company_id.to_owned(),
        kind: new.kind.as_str().to_owned(),
        name_de: new.name.de.clone(),
        name_cs: new.name.cs.clone(),
        name_en: new.name.en.clone(),
        name_sort: fold(new.sort_name()),
        description_de: new.description.de.clone(),
        description_cs: new.description.cs.clone(),
        description_en: new.description.en.clone(),
        keywords: new.keywords.join("\n"),
        image_url: new.image_url.clone(),
        version: 1,
        created_at: at,
        updated_at: at,
        id,
    };
    (row, nace)
}

/// Rows per INSERT: 16 columns × 1,000 rows stays below both backends' bind limits.
const CHUNK: usize = 1_000;

/// Inserts product rows and their codes in bulk.
pub(crate) fn insert_rows(
    conn: &mut DbConn,
    rows: &[ProductRow],
    nace: &[ProductNaceRow],
) -> QueryResult<()> {
    crate::bulk_insert!(conn, products::table, rows, CHUNK)?;
    crate::bulk_insert!(conn, product_nace::table, nace, CHUNK)
}

/// Adds a product to a company and records it in the company's history.
pub fn create(
    conn: &mut DbConn,
    company_id: &str,
    new: &NewProduct,
    actor: Actor<'_>,
) -> QueryResult<String> {
    let (row, nace) = to_rows(new, new_id(), company_id, now());
    conn.transaction(|conn| {
        insert_rows(conn, std::slice::from_ref(&row), &nace)?;
        audit::record(conn, company_id, "product_created", &[&row.id], actor)?;
        Ok(row.id.clone())
    })
}

/// Replaces the product with `new` if it is still at `expected_version`; `false` when it is gone
/// or was changed meanwhile.
pub fn update(
    conn: &mut DbConn,
    current: &ProductRow,
    expected_version: i64,
    new: &NewProduct,
    actor: Actor<'_>,
) -> QueryResult<bool> {
    let (mut row, nace) = to_rows(new, current.id.clone(), &current.company_id, now());
    row.created_at = current.created_at;
    row.version = expected_version + 1;
    conn.transaction(|conn| {
        let updated = diesel::update(
            products::table
                .find(&current.id)
                .filter(products::version.eq(expected_version)),
        )
        .set(&row)
        .execute(conn)?;
        if updated == 0 {
            return Ok(false);
        }
        diesel::delete(product_nace::table.filter(product_nace::product_id.eq(&row.id)))
            .execute(conn)?;
        insert_rows(conn, &[], &nace)?;
        audit::record(conn, &row.company_id, "product_updated", &[&row.id], actor)?;
        Ok(true)
    })
}

/// Deletes the product if it is still at `expected_version` (any version when `None`).
pub fn delete(
    conn: &mut DbConn,
    product: &ProductRow,
    expected_version: Option<i64>,
    actor: Actor<'_>,
) -> QueryResult<bool> {
    conn.transaction(|conn| {
        let mut query = diesel::delete(products::table.find(&product.id)).into_boxed();
        if let Some(version) = expected_version {
            query = query.filter(products::version.eq(version));
        }
        if query.execute(conn)? == 0 {
            return Ok(false);
        }
        audit::record(
            conn,
            &product.company_id,
            "product_deleted",
            &[&product.id],
            actor,
        )?;
        Ok(true)
    })
}

/// A product with the status of its company, so callers can decide who may see it.
pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<(Product, String)>> {
    let found: Option<(ProductRow, String, String)> = products::table
        .inner_join(companies::table)
        .filter(products::id.eq(id))
        .select((ProductRow::as_select(), companies::name, companies::status))
        .first(conn)
        .optional()?;
    let Some((row, name, status)) = found else {
        return Ok(None);
    };
    Ok(with_codes(conn, vec![(row, name)])?
        .pop()
        .map(|p| (p, status)))
}

/// The products of a company in the order they were added, continuing after product `after`.
pub fn of_company(
    conn: &mut DbConn,
    company_id: &str,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<Product>> {
    let mut query = products::table
        .inner_join(companies::table)
        .filter(products::company_id.eq(company_id))
        .select((ProductRow::as_select(), companies::name))
        .order_by(products::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(products::id.gt(after.to_owned()));
    }
    let rows = query.load(conn)?;
    with_codes(conn, rows)
}

/// The companies that offer the products `ids` (those still stored).
pub fn companies_of(conn: &mut DbConn, ids: &[String]) -> QueryResult<Vec<String>> {
    products::table
        .filter(products::id.eq_any(ids))
        .select(products::company_id)
        .distinct()
        .load(conn)
}

/// Every product of the companies `company_ids`, by company, in the order they were added (for
/// the search index's documents of the companies).
pub fn all_of_companies(
    conn: &mut DbConn,
    company_ids: &[String],
) -> QueryResult<HashMap<String, Vec<Product>>> {
    let rows = products::table
        .inner_join(companies::table)
        .filter(products::company_id.eq_any(company_ids))
        .select((ProductRow::as_select(), companies::name))
        .order_by(products::id.asc())
        .load(conn)?;
    by_company(conn, rows)
}

/// The products of the companies with ids from `first` to `last`, by company: one range of the
/// index instead of a probe per company, for exports in id order.
pub fn all_of_companies_between(
    conn: &mut DbConn,
    first: &str,
    last: &str,
) -> QueryResult<HashMap<String, Vec<Product>>> {
    let rows = products::table
        .inner_join(companies::table)
        .filter(products::company_id.between(first, last))
        .select((ProductRow::as_select(), companies::name))
        .order_by(products::id.asc())
        .load(conn)?;
    by_company(conn, rows)
}

fn by_company(
    conn: &mut DbConn,
    rows: Vec<(ProductRow, String)>,
) -> QueryResult<HashMap<String, Vec<Product>>> {
    let mut by_company: HashMap<String, Vec<Product>> = HashMap::new();
    for product in with_codes(conn, rows)? {
        by_company
            .entry(product.row.company_id.clone())
            .or_default()
            .push(product);
    }
    Ok(by_company)
}

/// Products by id, in the order of `ids` (ids not found are left out).
pub fn by_ids(conn: &mut DbConn, ids: &[String]) -> QueryResult<Vec<Product>> {
    let rows = products::table
        .inner_join(companies::table)
        .filter(products::id.eq_any(ids))
        .select((ProductRow::as_select(), companies::name))
        .load(conn)?;
    let mut found: HashMap<String, Product> = with_codes(conn, rows)?
        .into_iter()
        .map(|p| (p.row.id.clone(), p))
        .collect();
    Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
}

fn with_codes(conn: &mut DbConn, rows: Vec<(ProductRow, String)>) -> QueryResult<Vec<Product>> {
    let ids: Vec<&str> = rows.iter().map(|(r, _)| r.id.as_str()).collect();
    let mut codes: HashMap<String, Vec<String>> = HashMap::new();
    for row in product_nace::table
        .filter(product_nace::product_id.eq_any(&ids))
        .select(ProductNaceRow::as_select())
        .order_by(product_nace::nace_code.asc())
        .load(conn)?
    {
        codes.entry(row.product_id).or_default().push(row.nace_code);
    }
    Ok(rows
        .into_iter()
        .map(|(row, company_name)| Product {
            nace: codes.remove(&row.id).unwrap_or_default(),
            row,
            company_name,
        })
        .collect())
}
