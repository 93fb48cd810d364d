//! Companies: inserting profiles and reading them for the public API.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use domain::company::{CompanyFilter, CompanyStatus, NewCompany, RegisterId};
use domain::text::fold;

use crate::DbConn;
use crate::on_backend;
use crate::schema::{companies, company_languages, company_nace};

/// A row of `companies` as stored.
// `treat_none_as_default_value = false` writes None as NULL, which lets SQLite batch-insert.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = companies, treat_none_as_default_value = false)]
pub struct CompanyRow {
    pub id: String,
    pub kind: String,
    pub name: String,
    pub name_sort: String,
    pub legal_form: Option<String>,
    pub country: String,
    pub ico: Option<String>,
    pub register_court: Option<String>,
    pub register_type: Option<String>,
    pub register_number: Option<String>,
    pub vat_id: Option<String>,
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub size_class: Option<String>,
    pub founded_on: Option<NaiveDate>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub description_de: Option<String>,
    pub description_cs: Option<String>,
    pub description_en: Option<String>,
    pub status: String,
    pub verified: bool,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = company_nace)]
pub struct CompanyNaceRow {
    pub company_id: String,
    pub nace_code: String,
    pub is_primary: bool,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = company_languages)]
struct LanguageRow {
    company_id: String,
    language: String,
}

/// A company with its NACE codes (primary first) and the languages its staff speaks.
#[derive(Debug, Clone)]
pub struct Company {
    pub row: CompanyRow,
    pub nace: Vec<CompanyNaceRow>,
    pub languages: Vec<String>,
}

/// The position after which a listing continues: the sort key and id of the last item shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyset {
    pub name_sort: String,
    pub id: String,
}

/// Time-ordered ids (UUID v7): new rows land at the end of the primary-key index.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// The current time at the precision both backends store (microseconds), so a value reads back
/// exactly as it was written.
fn now() -> NaiveDateTime {
    let micros = Utc::now().timestamp_micros();
    chrono::DateTime::from_timestamp_micros(micros)
        .expect("the current time is representable")
        .naive_utc()
}

fn to_rows(
    company: &NewCompany,
    id: String,
    at: NaiveDateTime,
) -> (CompanyRow, Vec<CompanyNaceRow>, Vec<LanguageRow>) {
    let (ico, court, register_type, number) = match &company.register_id {
        Some(RegisterId::Ico(ico)) => (Some(ico.as_str().to_owned()), None, None, None),
        Some(RegisterId::German(entry)) => (
            None,
            Some(entry.court().to_owned()),
            Some(entry.register_type().as_str().to_owned()),
            Some(entry.number().to_owned()),
        ),
        None => (None, None, None, None),
    };
    let address = &company.address;
    let nace = company
        .nace
        .iter()
        .enumerate()
        .map(|(position, code)| CompanyNaceRow {
            company_id: id.clone(),
            nace_code: code.as_str().to_owned(),
            is_primary: position == 0,
        })
        .collect();
    let languages = company
        .languages
        .iter()
        .map(|l| LanguageRow {
            company_id: id.clone(),
            language: l.as_str().to_owned(),
        })
        .collect();
    let row = CompanyRow {
        id,
        kind: company.kind.as_str().to_owned(),
        name: company.name.clone(),
        name_sort: fold(&company.name),
        legal_form: company.legal_form.map(str::to_owned),
        country: address.country.as_str().to_owned(),
        ico,
        register_court: court,
        register_type,
        register_number: number,
        vat_id: company.vat_id.as_ref().map(|v| v.as_str().to_owned()),
        street: address.street.clone(),
        postal_code: address.postal_code.clone(),
        city: address.city.clone(),
        region: address.region.as_ref().map(|r| r.as_str().to_owned()),
        latitude: address.coordinates.map(|c| c.latitude),
        longitude: address.coordinates.map(|c| c.longitude),
        size_class: company.size_class.map(|s| s.as_str().to_owned()),
        founded_on: company.founded_on,
        website: company.website.clone(),
        email: company.email.clone(),
        phone: company.phone.clone(),
        description_de: company.description.de.clone(),
        description_cs: company.description.cs.clone(),
        description_en: company.description.en.clone(),
        status: company.status.as_str().to_owned(),
        verified: company.verified,
        version: 1,
        created_at: at,
        updated_at: at,
    };
    (row, nace, languages)
}

/// Rows per INSERT statement: 30 columns × 500 rows stays below both backends' limits on
/// bind parameters (SQLite 32,766; PostgreSQL 65,535).
const CHUNK: usize = 500;

/// Inserts companies in one transaction, skipping those whose register identity (IČO, or court
/// + register + number) is already stored. Returns how many were inserted.
pub fn insert_new(conn: &mut DbConn, new: &[NewCompany]) -> QueryResult<usize> {
    let at = now();
    conn.transaction(|conn| {
        let mut inserted = 0;
        for chunk in new.chunks(CHUNK) {
            let (rows, children): (Vec<CompanyRow>, Vec<_>) = chunk
                .iter()
                .map(|company| {
                    let (row, nace, languages) = to_rows(company, new_id(), at);
                    (row, (nace, languages))
                })
                .unzip();
            let stored: std::collections::HashSet<String> = on_backend!(conn, |c| {
                diesel::insert_into(companies::table)
                    .values(&rows)
                    .on_conflict_do_nothing()
                    .returning(companies::id)
                    .get_results::<String>(c)
            })?
            .into_iter()
            .collect();
            // Only the companies actually inserted get their child rows.
            let mut nace = Vec::new();
            let mut languages = Vec::new();
            for (row, (own_nace, own_languages)) in rows.iter().zip(children) {
                if stored.contains(&row.id) {
                    nace.extend(own_nace);
                    languages.extend(own_languages);
                }
            }
            for part in nace.chunks(CHUNK) {
                on_backend!(conn, |c| diesel::insert_into(company_nace::table)
                    .values(part)
                    .execute(c))?;
            }
            for part in languages.chunks(CHUNK) {
                on_backend!(conn, |c| diesel::insert_into(company_languages::table)
                    .values(part)
                    .execute(c))?;
            }
            inserted += stored.len();
        }
        Ok(inserted)
    })
}

pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
    companies::table.count().get_result(conn)
}

/// A published company by id; `None` for unknown ids and unpublished profiles alike, so drafts
/// do not reveal that they exist.
pub fn find_published(conn: &mut DbConn, id: &str) -> QueryResult<Option<Company>> {
    let row: Option<CompanyRow> = companies::table
        .find(id)
        .filter(companies::status.eq(CompanyStatus::Published.as_str()))
        .select(CompanyRow::as_select())
        .first(conn)
        .optional()?;
    match row {
        Some(row) => Ok(with_details(conn, vec![row])?.pop()),
        None => Ok(None),
    }
}

/// Published companies matching `filter`, ordered by folded name and id, starting after `after`.
pub fn list_published(
    conn: &mut DbConn,
    filter: &CompanyFilter,
    after: Option<&Keyset>,
    limit: i64,
) -> QueryResult<Vec<Company>> {
    let mut query = companies::table
        .filter(companies::status.eq(CompanyStatus::Published.as_str()))
        .select(CompanyRow::as_select())
        .order_by((companies::name_sort.asc(), companies::id.asc()))
        .limit(limit)
        .into_boxed();
    if let Some(country) = filter.country {
        query = query.filter(companies::country.eq(country.as_str()));
    }
    if !filter.regions.is_empty() {
        let regions: Vec<&str> = filter.regions.iter().map(|r| r.as_str()).collect();
        query = query.filter(companies::region.eq_any(regions));
    }
    if let Some(kind) = filter.kind {
        query = query.filter(companies::kind.eq(kind.as_str()));
    }
    if !filter.nace.is_empty() {
        let with_code = company_nace::table
            .filter(company_nace::nace_code.eq_any(filter.nace_codes()))
            .select(company_nace::company_id);
        query = query.filter(companies::id.eq_any(with_code));
    }
    if let Some(after) = after {
        query = query.filter(
            companies::name_sort
                .gt(after.name_sort.clone())
                .or(companies::name_sort
                    .eq(after.name_sort.clone())
                    .and(companies::id.gt(after.id.clone()))),
        );
    }
    let rows = query.load(conn)?;
    with_details(conn, rows)
}

/// Loads the NACE codes and languages of `rows` with one query each, not one per company.
fn with_details(conn: &mut DbConn, rows: Vec<CompanyRow>) -> QueryResult<Vec<Company>> {
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let mut nace: HashMap<String, Vec<CompanyNaceRow>> = HashMap::new();
    for row in company_nace::table
        .filter(company_nace::company_id.eq_any(&ids))
        .select(CompanyNaceRow::as_select())
        .order_by((
            company_nace::is_primary.desc(),
            company_nace::nace_code.asc(),
        ))
        .load(conn)?
    {
        nace.entry(row.company_id.clone()).or_default().push(row);
    }
    let mut languages: HashMap<String, Vec<String>> = HashMap::new();
    for row in company_languages::table
        .filter(company_languages::company_id.eq_any(&ids))
        .select(LanguageRow::as_select())
        .order_by(company_languages::language.asc())
        .load(conn)?
    {
        languages
            .entry(row.company_id)
            .or_default()
            .push(row.language);
    }
    Ok(rows
        .into_iter()
        .map(|row| Company {
            nace: nace.remove(&row.id).unwrap_or_default(),
            languages: languages.remove(&row.id).unwrap_or_default(),
            row,
        })
        .collect())
}
