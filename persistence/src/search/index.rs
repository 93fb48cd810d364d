//! Keeping the search documents current: rebuilt in the transaction of every change, so a
//! change is searchable in the next request.

use diesel::prelude::*;
use diesel::sql_types::Text;
use domain::search::{
    CompanyText, ProductText, SearchDocument, company_document, product_document,
};

use crate::DbConn;
use crate::companies::{CompanyRow, by_ids};
use crate::products::{self, Product, ProductRow};
use crate::sql::{Sql, Value};

/// Documents per upsert statement (3 values each).
const CHUNK: usize = 1_000;

/// The texts of a stored company, borrowing from its row; `nace` are its codes.
pub(crate) fn company_texts<'a>(row: &'a CompanyRow, nace: &'a [String]) -> CompanyText<'a> {
    CompanyText {
        name: &row.name,
        descriptions: [
            row.description_de.as_deref(),
            row.description_cs.as_deref(),
            row.description_en.as_deref(),
        ],
        city: row.city.as_deref(),
        region: row.region.as_deref(),
        nace: nace.iter().map(String::as_str).collect(),
    }
}

pub(crate) fn product_texts(product: &Product) -> ProductText<'_> {
    let row: &ProductRow = &product.row;
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
        nace: product.nace.iter().map(String::as_str).collect(),
    }
}

/// Stores documents by owner id (`company_id` or `product_id`), replacing existing ones.
pub(crate) fn store<K: AsRef<str>>(
    conn: &mut DbConn,
    table: &str,
    key: &str,
    documents: &[(K, SearchDocument)],
) -> QueryResult<()> {
    for part in documents.chunks(CHUNK) {
        let mut sql = Sql::new(conn.backend());
        sql.push(&format!("INSERT INTO {table} ({key}, name, body) VALUES "));
        for (i, (id, document)) in part.iter().enumerate() {
            sql.push(if i == 0 { "(" } else { ", (" })
                .text(id.as_ref())
                .push(", ")
                .bind(Value::Text(document.name.clone()))
                .push(", ")
                .bind(Value::Text(document.body.clone()))
                .push(")");
        }
        sql.push(&format!(
            " ON CONFLICT ({key}) DO UPDATE SET name = excluded.name, body = excluded.body"
        ));
        sql.execute(conn)?;
    }
    Ok(())
}

/// Rebuilds the document of a company and those of the products `refresh` names. The company's
/// document holds its products' texts, so it is rebuilt on any product change; a product's
/// document holds the company's name and place, so all are rebuilt when the company changes.
pub fn refresh_company(
    conn: &mut DbConn,
    company_id: &str,
    product: Option<&str>,
) -> QueryResult<()> {
    refresh(conn, &[company_id.to_owned()], Refresh::Product(product))
}

/// Rebuilds a company's document and all of its products' documents.
pub fn refresh_company_and_products(conn: &mut DbConn, company_id: &str) -> QueryResult<()> {
    refresh(conn, &[company_id.to_owned()], Refresh::AllProducts)
}

/// Rebuilds the documents of companies and of all their products, loading and storing them
/// with a few statements for all of them rather than per company.
pub(crate) fn refresh_companies_and_products(
    conn: &mut DbConn,
    company_ids: &[String],
) -> QueryResult<()> {
    refresh(conn, company_ids, Refresh::AllProducts)
}

enum Refresh<'a> {
    Product(Option<&'a str>),
    AllProducts,
}

fn refresh(conn: &mut DbConn, company_ids: &[String], which: Refresh<'_>) -> QueryResult<()> {
    for ids in company_ids.chunks(CHUNK) {
        let companies = by_ids(conn, ids)?;
        let mut products = products::all_of_companies(conn, ids)?;
        let mut company_documents = Vec::with_capacity(companies.len());
        let mut product_documents = Vec::new();
        for company in &companies {
            let nace: Vec<String> = company.nace.iter().map(|n| n.nace_code.clone()).collect();
            let texts = company_texts(&company.row, &nace);
            let all = products.remove(&company.row.id).unwrap_or_default();
            let product_texts: Vec<ProductText<'_>> = all.iter().map(product_texts).collect();
            company_documents.push((
                company.row.id.as_str(),
                company_document(&texts, &product_texts),
            ));
            product_documents.extend(
                all.iter()
                    .zip(&product_texts)
                    .filter(|(p, _)| match which {
                        Refresh::AllProducts => true,
                        Refresh::Product(id) => id == Some(p.row.id.as_str()),
                    })
                    .map(|(p, text)| (p.row.id.clone(), product_document(text, &texts))),
            );
        }
        store(conn, "company_search", "company_id", &company_documents)?;
        store(conn, "product_search", "product_id", &product_documents)?;
    }
    Ok(())
}

#[derive(QueryableByName)]
struct Missing {
    #[diesel(sql_type = Text)]
    id: String,
}

/// Builds the documents of companies that have none: those stored before search existed.
/// Returns how many were built.
pub fn backfill(conn: &mut DbConn) -> QueryResult<usize> {
    let mut sql = Sql::new(conn.backend());
    sql.push(
        "SELECT c.id AS id FROM companies c \
         WHERE NOT EXISTS (SELECT 1 FROM company_search s WHERE s.company_id = c.id)",
    );
    let missing: Vec<String> = sql
        .load::<Missing>(conn)?
        .into_iter()
        .map(|m| m.id)
        .collect();
    conn.transaction(|conn| {
        refresh_companies_and_products(conn, &missing)?;
        Ok(missing.len())
    })
}
