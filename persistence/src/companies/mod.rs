//! Companies: inserting profiles and reading them.

mod write;

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use domain::company::{NewCompany, RegisterId};
use domain::text::fold;

pub use write::{create, delete, set_verified, update};

use crate::DbConn;
use crate::clock::now;
use crate::products;
use crate::schema::{
    companies, company_contacts, company_languages, company_members, company_nace,
    company_registrations,
};
use crate::{bulk_insert, on_backend};

/// A row of `companies` as stored.
// `treat_none_as_default_value = false` writes None as NULL, which lets SQLite batch-insert.
// As a changeset, the primary key is left out and None writes NULL.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = companies, treat_none_as_default_value = false, treat_none_as_null = true)]
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
#[diesel(table_name = company_nace, treat_none_as_default_value = false)]
pub struct CompanyNaceRow {
    pub company_id: String,
    pub nace_code: String,
    pub is_primary: bool,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = company_languages, treat_none_as_default_value = false)]
struct LanguageRow {
    company_id: String,
    language: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = company_contacts, treat_none_as_default_value = false)]
pub struct ContactRow {
    pub company_id: String,
    pub position: i32,
    pub name: String,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// ISO 639-1 codes separated by commas.
    pub languages: String,
}

impl ContactRow {
    pub fn language_codes(&self) -> impl Iterator<Item = &str> {
        self.languages.split(',').filter(|l| !l.is_empty())
    }
}

/// The register state of an imported company.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = company_registrations, treat_none_as_default_value = false)]
pub struct RegistrationRow {
    pub company_id: String,
    pub source: String,
    pub status: String,
    /// The register's legal form as given, when it is none of the platform's.
    pub legal_form: Option<String>,
    pub record_date: Option<NaiveDateTime>,
    pub imported_at: NaiveDateTime,
}

/// A company with its NACE codes (primary first), the languages its staff speaks, its contact
/// persons, its register state (imported companies) and whether anybody manages it.
#[derive(Debug, Clone)]
pub struct Company {
    pub row: CompanyRow,
    pub nace: Vec<CompanyNaceRow>,
    pub languages: Vec<String>,
    pub contacts: Vec<ContactRow>,
    pub registration: Option<RegistrationRow>,
    /// Whether the company has members; imported companies start without.
    pub claimed: bool,
}

/// Time-ordered ids (UUID v7): new rows land at the end of the primary-key index.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// The rows that store a company apart from the company row itself.
#[derive(Debug)]
struct Children {
    nace: Vec<CompanyNaceRow>,
    languages: Vec<LanguageRow>,
    contacts: Vec<ContactRow>,
}

fn to_rows(company: &NewCompany, id: String, at: NaiveDateTime) -> (CompanyRow, Children) {
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
    let contacts = company
        .contacts
        .iter()
        .zip(0..)
        .map(|(contact, position)| ContactRow {
            company_id: id.clone(),
            position,
            name: contact.name.clone(),
            role: contact.role.clone(),
            email: contact.email.as_ref().map(|e| e.as_str().to_owned()),
            phone: contact.phone.as_ref().map(|p| p.as_str().to_owned()),
            languages: contact
                .languages
                .iter()
                .map(|l| l.as_str())
                .collect::<Vec<_>>()
                .join(","),
        })
        .collect();
    let row = CompanyRow {
        id,
        kind: company.kind.as_str().to_owned(),
        name: company.name.as_str().to_owned(),
        name_sort: fold(company.name.as_str()),
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
        website: company.website.as_ref().map(|w| w.as_str().to_owned()),
        email: company.email.as_ref().map(|e| e.as_str().to_owned()),
        phone: company.phone.as_ref().map(|p| p.as_str().to_owned()),
        description_de: company.description.de.clone(),
        description_cs: company.description.cs.clone(),
        description_en: company.description.en.clone(),
        status: company.status.as_str().to_owned(),
        verified: company.verified,
        version: 1,
        created_at: at,
        updated_at: at,
    };
    (
        row,
        Children {
            nace,
            languages,
            contacts,
        },
    )
}

/// Inserts the child rows, in statements of at most `CHUNK` rows.
fn insert_children(conn: &mut DbConn, children: &Children) -> QueryResult<()> {
    bulk_insert!(conn, company_nace::table, &children.nace, CHUNK)?;
    bulk_insert!(conn, company_languages::table, &children.languages, CHUNK)?;
    bulk_insert!(conn, company_contacts::table, &children.contacts, CHUNK)
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
            let prepared = chunk
                .iter()
                .map(|company| Prepared::new(company, new_id(), at))
                .collect();
            inserted += insert_prepared(conn, prepared)?.len();
        }
        Ok(inserted)
    })
}

/// A company turned into its rows, not yet stored. Building one needs no
/// connection, so an import prepares companies on another thread than the one that writes.
#[derive(Debug)]
pub(crate) struct Prepared {
    pub(crate) row: CompanyRow,
    children: Children,
    products: Vec<products::ProductRow>,
    product_nace: Vec<products::ProductNaceRow>,
}

impl Prepared {
    pub(crate) fn new(company: &NewCompany, id: String, at: NaiveDateTime) -> Self {
        let (row, children) = to_rows(company, id, at);
        let mut product_rows = Vec::with_capacity(company.products.len());
        let mut product_nace = Vec::new();
        for product in &company.products {
            let (product_row, codes) = products::to_rows(product, new_id(), &row.id, at);
            product_rows.push(product_row);
            product_nace.extend(codes);
        }
        Self {
            row,
            children,
            products: product_rows,
            product_nace,
        }
    }

    /// The NACE rows as stored for this company, primary first.
    pub(crate) fn nace(&self) -> &[CompanyNaceRow] {
        &self.children.nace
    }

    /// The company row and NACE rows under the id of the stored company they are to update
    /// (the rest serves inserts only).
    pub(crate) fn into_update_of(self, id: &str) -> (CompanyRow, Vec<CompanyNaceRow>) {
        let mut row = self.row;
        row.id = id.to_owned();
        let mut nace = self.children.nace;
        for code in &mut nace {
            code.company_id = id.to_owned();
        }
        (row, nace)
    }
}

/// Inserts at most `CHUNK` prepared companies with their child rows and products, skipping
/// those whose register identity is taken. Returns the ids inserted.
pub(crate) fn insert_prepared(
    conn: &mut DbConn,
    prepared: Vec<Prepared>,
) -> QueryResult<HashSet<String>> {
    let rows: Vec<&CompanyRow> = prepared.iter().map(|p| &p.row).collect();
    let stored: HashSet<String> = on_backend!(conn, |c| {
        diesel::insert_into(companies::table)
            .values(rows.clone())
            .on_conflict_do_nothing()
            .returning(companies::id)
            .get_results::<String>(c)
    })?
    .into_iter()
    .collect();
    // Only the companies actually inserted get their child rows and products.
    let mut all = Children {
        nace: Vec::new(),
        languages: Vec::new(),
        contacts: Vec::new(),
    };
    let mut product_rows = Vec::new();
    let mut product_nace = Vec::new();
    for p in prepared {
        if !stored.contains(&p.row.id) {
            continue;
        }
        all.nace.extend(p.children.nace);
        all.languages.extend(p.children.languages);
        all.contacts.extend(p.children.contacts);
        product_rows.extend(p.products);
        product_nace.extend(p.product_nace);
    }
    insert_children(conn, &all)?;
    products::insert_rows(conn, &product_rows, &product_nace)?;
    Ok(stored)
}

pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
    companies::table.count().get_result(conn)
}

/// The id of a company with exactly this name (the first, should there be several).
pub fn named(conn: &mut DbConn, name: &str) -> QueryResult<Option<String>> {
    companies::table
        .filter(companies::name.eq(name))
        .select(companies::id)
        .order_by(companies::id.asc())
        .first(conn)
        .optional()
}

/// The company holding this IČO or German register entry, and whether anybody manages it yet.
pub fn holder_of(
    conn: &mut DbConn,
    register_id: &RegisterId,
) -> QueryResult<Option<(String, bool)>> {
    let holder: Option<String> = match register_id {
        RegisterId::Ico(ico) => companies::table
            .filter(companies::ico.eq(ico.as_str()))
            .select(companies::id)
            .first(conn)
            .optional()?,
        RegisterId::German(entry) => companies::table
            .filter(companies::register_court.eq(entry.court()))
            .filter(companies::register_type.eq(entry.register_type().as_str()))
            .filter(companies::register_number.eq(entry.number()))
            .select(companies::id)
            .first(conn)
            .optional()?,
    };
    let Some(id) = holder else {
        return Ok(None);
    };
    let managed: i64 = company_members::table
        .filter(company_members::company_id.eq(&id))
        .count()
        .get_result(conn)?;
    Ok(Some((id, managed > 0)))
}

/// A company by id, whatever its status: callers decide who may see a draft.
pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Company>> {
    let row: Option<CompanyRow> = companies::table
        .find(id)
        .select(CompanyRow::as_select())
        .first(conn)
        .optional()?;
    match row {
        Some(row) => Ok(with_details(conn, vec![row])?.pop()),
        None => Ok(None),
    }
}

/// Up to `n` ids of published companies, spread over the id range (for benchmarks).
pub fn sample_published_ids(conn: &mut DbConn, n: i64) -> QueryResult<Vec<String>> {
    let total: i64 = companies::table.count().get_result(conn)?;
    let step = (total / n.max(1)).max(1);
    let ids: Vec<String> = companies::table
        .filter(companies::status.eq(domain::company::CompanyStatus::Published.as_str()))
        .select(companies::id)
        .order_by(companies::id.asc())
        .load(conn)?;
    Ok(ids
        .into_iter()
        .step_by(step as usize)
        .take(n as usize)
        .collect())
}

/// At most `limit` companies in id order after the id `after`, whatever their status: for
/// rebuilding the search index.
pub fn page_by_id(conn: &mut DbConn, after: Option<&str>, limit: i64) -> QueryResult<Vec<Company>> {
    let mut query = companies::table
        .select(CompanyRow::as_select())
        .order_by(companies::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(companies::id.gt(after.to_owned()));
    }
    let rows = query.load(conn)?;
    with_details(conn, rows)
}

/// Companies by id, in the order of `ids` (ids not found are left out).
/// The ids of published companies after `after` in id order, changed since `since` when given.
pub fn published_ids(
    conn: &mut DbConn,
    after: Option<&str>,
    since: Option<NaiveDateTime>,
    limit: i64,
) -> QueryResult<Vec<String>> {
    let mut query = companies::table
        .filter(companies::status.eq(domain::company::CompanyStatus::Published.as_str()))
        .select(companies::id)
        .order_by(companies::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(companies::id.gt(after.to_owned()));
    }
    if let Some(since) = since {
        query = query.filter(companies::updated_at.ge(since));
    }
    query.load(conn)
}

/// Which of the companies `ids` are published.
pub fn published_among(conn: &mut DbConn, ids: &[String]) -> QueryResult<HashSet<String>> {
    let found: Vec<String> = companies::table
        .filter(companies::id.eq_any(ids))
        .filter(companies::status.eq(domain::company::CompanyStatus::Published.as_str()))
        .select(companies::id)
        .load(conn)?;
    Ok(found.into_iter().collect())
}

pub fn by_ids(conn: &mut DbConn, ids: &[String]) -> QueryResult<Vec<Company>> {
    let rows: Vec<CompanyRow> = companies::table
        .filter(companies::id.eq_any(ids))
        .select(CompanyRow::as_select())
        .load(conn)?;
    let mut found: HashMap<String, Company> = with_details(conn, rows)?
        .into_iter()
        .map(|c| (c.row.id.clone(), c))
        .collect();
    Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
}

/// The published companies with ids from `first` to `last` (changed at or after `since`), in id
/// order: for exports in id order, which read each table once per batch by a range of the index
/// instead of probing it for every id.
pub fn published_between(
    conn: &mut DbConn,
    first: &str,
    last: &str,
    since: Option<NaiveDateTime>,
) -> QueryResult<Vec<Company>> {
    let mut query = companies::table
        .filter(companies::id.between(first, last))
        .filter(companies::status.eq(domain::company::CompanyStatus::Published.as_str()))
        .select(CompanyRow::as_select())
        .order_by(companies::id.asc())
        .into_boxed();
    if let Some(since) = since {
        query = query.filter(companies::updated_at.ge(since));
    }
    let rows = query.load(conn)?;
    let details = Details::load(conn, Scope::Between(first, last))?;
    Ok(details.attach(rows))
}

/// `rows` with their NACE codes, languages and contacts.
fn with_details(conn: &mut DbConn, rows: Vec<CompanyRow>) -> QueryResult<Vec<Company>> {
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let details = Details::load(conn, Scope::Ids(&ids))?;
    Ok(details.attach(rows))
}

/// Whose details to load: the companies named, or every company with an id in a range.
#[derive(Debug, Clone, Copy)]
enum Scope<'a> {
    Ids(&'a [&'a str]),
    Between(&'a str, &'a str),
}

/// `$query` (boxed) narrowed to the companies of `$scope` by its `$column`.
macro_rules! in_scope {
    ($query:expr, $column:expr, $scope:expr) => {
        match $scope {
            Scope::Ids(ids) => $query.filter($column.eq_any(ids)),
            Scope::Between(first, last) => $query.filter($column.between(first, last)),
        }
    };
}

/// The NACE codes, languages, contacts, registrations and claims of some companies, loaded with
/// one query each, not one per company.
struct Details {
    nace: HashMap<String, Vec<CompanyNaceRow>>,
    languages: HashMap<String, Vec<String>>,
    contacts: HashMap<String, Vec<ContactRow>>,
    registrations: HashMap<String, RegistrationRow>,
    claimed: HashSet<String>,
}

impl Details {
    fn load(conn: &mut DbConn, scope: Scope<'_>) -> QueryResult<Self> {
        let mut nace: HashMap<String, Vec<CompanyNaceRow>> = HashMap::new();
        let query = company_nace::table
            .select(CompanyNaceRow::as_select())
            .order_by((
                company_nace::is_primary.desc(),
                company_nace::nace_code.asc(),
            ))
            .into_boxed();
        for row in in_scope!(query, company_nace::company_id, scope).load(conn)? {
            nace.entry(row.company_id.clone()).or_default().push(row);
        }
        let mut languages: HashMap<String, Vec<String>> = HashMap::new();
        let query = company_languages::table
            .select(LanguageRow::as_select())
            .order_by(company_languages::language.asc())
            .into_boxed();
        for row in in_scope!(query, company_languages::company_id, scope).load(conn)? {
            languages
                .entry(row.company_id)
                .or_default()
                .push(row.language);
        }
        let mut contacts: HashMap<String, Vec<ContactRow>> = HashMap::new();
        let query = company_contacts::table
            .select(ContactRow::as_select())
            .order_by(company_contacts::position.asc())
            .into_boxed();
        for row in in_scope!(query, company_contacts::company_id, scope).load(conn)? {
            contacts
                .entry(row.company_id.clone())
                .or_default()
                .push(row);
        }
        let query = company_registrations::table
            .select(RegistrationRow::as_select())
            .into_boxed();
        let registrations = in_scope!(query, company_registrations::company_id, scope)
            .load::<RegistrationRow>(conn)?
            .into_iter()
            .map(|r| (r.company_id.clone(), r))
            .collect();
        let query = company_members::table
            .select(company_members::company_id)
            .distinct()
            .into_boxed();
        let claimed = in_scope!(query, company_members::company_id, scope)
            .load::<String>(conn)?
            .into_iter()
            .collect();
        Ok(Self {
            nace,
            languages,
            contacts,
            registrations,
            claimed,
        })
    }

    fn attach(mut self, rows: Vec<CompanyRow>) -> Vec<Company> {
        rows.into_iter()
            .map(|row| Company {
                nace: self.nace.remove(&row.id).unwrap_or_default(),
                languages: self.languages.remove(&row.id).unwrap_or_default(),
                contacts: self.contacts.remove(&row.id).unwrap_or_default(),
                registration: self.registrations.remove(&row.id),
                claimed: self.claimed.contains(&row.id),
                row,
            })
            .collect()
    }
}
