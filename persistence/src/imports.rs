//! Upserting register records: insert what is new, update register-owned fields of what changed,
//! never touch what members own (descriptions, contacts, website, products, languages, kind).

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use domain::company::RegisterId;
use domain::import::RegisterRecord;

use crate::DbConn;
use crate::audit::{self, Actor};
use crate::clock::now;
use crate::companies::{
    CompanyNaceRow, CompanyRow, Prepared, RegistrationRow, insert_prepared, new_id,
};
use crate::on_backend;
use crate::schema::{companies, company_nace, company_registrations};
use crate::search::index;

/// What an import did with one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Inserted,
    /// The register-owned fields that changed, by their API names.
    Updated(Vec<&'static str>),
    Unchanged,
    /// The stored record is newer; nothing was changed.
    Outdated,
}

/// Applies `records` in one transaction and returns one outcome per record, in order. A record
/// whose register identity appeared earlier in `records` is applied after it, so the later line
/// of a file wins. With `dry_run` everything is computed exactly as for a real run, then rolled
/// back.
pub fn apply(
    conn: &mut DbConn,
    records: &[RegisterRecord],
    actor: Actor<'_>,
    dry_run: bool,
) -> QueryResult<Vec<Outcome>> {
    let mut outcomes = Vec::with_capacity(records.len());
    let result = conn.transaction(|conn| {
        let mut start = 0;
        while start < records.len() {
            let mut seen = HashSet::new();
            let end = records[start..]
                .iter()
                .position(|r| !seen.insert(identity(r.register_id())))
                .map_or(records.len(), |repeat| start + repeat);
            outcomes.extend(apply_distinct(conn, &records[start..end], actor)?);
            start = end;
        }
        if dry_run {
            Err(diesel::result::Error::RollbackTransaction)
        } else {
            Ok(())
        }
    });
    match result {
        Ok(()) | Err(diesel::result::Error::RollbackTransaction) => Ok(outcomes),
        Err(e) => Err(e),
    }
}

/// A register identity as one string, the key of lookups within a batch.
fn identity(id: &RegisterId) -> String {
    match id {
        RegisterId::Ico(ico) => format!("ico {ico}"),
        RegisterId::German(entry) => format!(
            "de {} {} {}",
            entry.court(),
            entry.register_type().as_str(),
            entry.number()
        ),
    }
}

fn stored_identity(row: &CompanyRow) -> Option<String> {
    match (
        &row.ico,
        &row.register_court,
        &row.register_type,
        &row.register_number,
    ) {
        (Some(ico), ..) => Some(format!("ico {ico}")),
        (None, Some(court), Some(register_type), Some(number)) => {
            Some(format!("de {court} {register_type} {number}"))
        }
        _ => None,
    }
}

/// The stored state of companies that records refer to.
struct Stored {
    row: CompanyRow,
    nace: Vec<CompanyNaceRow>,
    registration: Option<RegistrationRow>,
}

/// Rows per statement: 34 columns × 500 rows stays below both backends' bind limits.
const CHUNK: usize = 500;

/// Applies records whose register identities are all different.
fn apply_distinct(
    conn: &mut DbConn,
    records: &[RegisterRecord],
    actor: Actor<'_>,
) -> QueryResult<Vec<Outcome>> {
    let mut outcomes = Vec::with_capacity(records.len());
    for chunk in records.chunks(CHUNK) {
        let mut stored = load_stored(conn, chunk)?;
        let at = now();
        let mut inserts = Vec::new();
        let mut registrations = Vec::new();
        let mut changes = Vec::new();
        // The outcome positions of the inserts, with the ids they are inserted under.
        let mut inserted_at = Vec::new();
        for record in chunk {
            let outcome = match stored.remove(&identity(record.register_id())) {
                None => {
                    let prepared = Prepared::new(&record.company, new_id(), at);
                    registrations.push(registration(&prepared.row.id, record, at));
                    changes.push(audit::entry(&prepared.row.id, "imported", &[], actor));
                    inserted_at.push((outcomes.len(), prepared.row.id.clone()));
                    inserts.push(prepared);
                    Outcome::Inserted
                }
                Some(existing) => update(conn, existing, record, actor, at)?,
            };
            outcomes.push(outcome);
        }
        let inserted = insert_prepared(conn, inserts)?;
        // A company inserted meanwhile by another import is left to that import.
        for (position, id) in inserted_at {
            if !inserted.contains(&id) {
                outcomes[position] = Outcome::Unchanged;
            }
        }
        registrations.retain(|r| inserted.contains(&r.company_id));
        changes.retain(|c| inserted.contains(&c.company_id));
        on_backend!(conn, |c| diesel::insert_into(company_registrations::table)
            .values(&registrations)
            .execute(c))?;
        audit::insert(conn, &changes)?;
    }
    Ok(outcomes)
}

fn registration(company_id: &str, record: &RegisterRecord, at: NaiveDateTime) -> RegistrationRow {
    RegistrationRow {
        company_id: company_id.to_owned(),
        source: record.source.as_str().to_owned(),
        status: record.status.as_str().to_owned(),
        legal_form: record.legal_form_as_registered.clone(),
        record_date: record.record_date,
        imported_at: at,
    }
}

/// The stored companies with the register identities of `records`, by identity.
fn load_stored(
    conn: &mut DbConn,
    records: &[RegisterRecord],
) -> QueryResult<HashMap<String, Stored>> {
    let mut icos = Vec::new();
    let mut numbers = Vec::new();
    for record in records {
        match record.register_id() {
            RegisterId::Ico(ico) => icos.push(ico.as_str()),
            RegisterId::German(entry) => numbers.push(entry.number()),
        }
    }
    let mut rows: Vec<CompanyRow> = Vec::new();
    if !icos.is_empty() {
        rows.extend(
            companies::table
                .filter(companies::ico.eq_any(&icos))
                .select(CompanyRow::as_select())
                .load(conn)?,
        );
    }
    if !numbers.is_empty() {
        let wanted: HashSet<String> = records.iter().map(|r| identity(r.register_id())).collect();
        rows.extend(
            companies::table
                .filter(companies::register_number.eq_any(&numbers))
                .select(CompanyRow::as_select())
                .load::<CompanyRow>(conn)?
                .into_iter()
                .filter(|row| stored_identity(row).is_some_and(|id| wanted.contains(&id))),
        );
    }
    if rows.is_empty() {
        return Ok(HashMap::new());
    }
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let mut nace: HashMap<String, Vec<CompanyNaceRow>> = HashMap::new();
    for row in company_nace::table
        .filter(company_nace::company_id.eq_any(&ids))
        .select(CompanyNaceRow::as_select())
        .load(conn)?
    {
        nace.entry(row.company_id.clone()).or_default().push(row);
    }
    let mut registrations: HashMap<String, RegistrationRow> = company_registrations::table
        .filter(company_registrations::company_id.eq_any(&ids))
        .select(RegistrationRow::as_select())
        .load(conn)?
        .into_iter()
        .map(|r| (r.company_id.clone(), r))
        .collect();
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let key = stored_identity(&row)?;
            let stored = Stored {
                nace: nace.remove(&row.id).unwrap_or_default(),
                registration: registrations.remove(&row.id),
                row,
            };
            Some((key, stored))
        })
        .collect())
}

/// The register-owned columns of `companies`: what an import may overwrite.
#[derive(AsChangeset)]
#[diesel(table_name = companies, treat_none_as_null = true)]
struct RegisterOwned<'a> {
    name: &'a str,
    name_sort: &'a str,
    legal_form: Option<&'a str>,
    country: &'a str,
    vat_id: Option<&'a str>,
    street: Option<&'a str>,
    postal_code: Option<&'a str>,
    city: Option<&'a str>,
    region: Option<&'a str>,
    latitude: Option<f64>,
    longitude: Option<f64>,
    founded_on: Option<NaiveDate>,
}

impl<'a> From<&'a CompanyRow> for RegisterOwned<'a> {
    fn from(row: &'a CompanyRow) -> Self {
        Self {
            name: &row.name,
            name_sort: &row.name_sort,
            legal_form: row.legal_form.as_deref(),
            country: &row.country,
            vat_id: row.vat_id.as_deref(),
            street: row.street.as_deref(),
            postal_code: row.postal_code.as_deref(),
            city: row.city.as_deref(),
            region: row.region.as_deref(),
            latitude: row.latitude,
            longitude: row.longitude,
            founded_on: row.founded_on,
        }
    }
}

/// The API names of the register-owned fields in which `incoming` differs from `stored`.
fn changed_fields(
    stored: &Stored,
    incoming: &Prepared<'_>,
    record: &RegisterRecord,
) -> Vec<&'static str> {
    let (old, new) = (&stored.row, &incoming.row);
    let mut fields = Vec::new();
    if old.name != new.name {
        fields.push("name");
    }
    let old_form_as_registered = stored
        .registration
        .as_ref()
        .and_then(|r| r.legal_form.as_ref());
    if old.legal_form != new.legal_form
        || old_form_as_registered != record.legal_form_as_registered.as_ref()
    {
        fields.push("legal_form");
    }
    if old.vat_id != new.vat_id {
        fields.push("identifiers");
    }
    let address = |r: &CompanyRow| {
        (
            r.street.clone(),
            r.postal_code.clone(),
            r.city.clone(),
            r.region.clone(),
            r.latitude,
            r.longitude,
            r.country.clone(),
        )
    };
    if address(old) != address(new) {
        fields.push("address");
    }
    if old.founded_on != new.founded_on {
        fields.push("founded_on");
    }
    let codes = |rows: &[CompanyNaceRow]| {
        let primary = rows
            .iter()
            .find(|r| r.is_primary)
            .map(|r| r.nace_code.clone());
        let all: HashSet<String> = rows.iter().map(|r| r.nace_code.clone()).collect();
        (
            primary,
            all.into_iter().collect::<std::collections::BTreeSet<_>>(),
        )
    };
    if codes(&stored.nace) != codes(incoming.nace()) {
        fields.push("industries");
    }
    let old_status = stored.registration.as_ref().map(|r| r.status.as_str());
    if old_status != Some(record.status.as_str()) {
        fields.push("register_status");
    }
    fields
}

/// Applies a record to a stored company: register-owned fields only, and only from a record
/// at least as new as the one applied last.
fn update(
    conn: &mut DbConn,
    stored: Stored,
    record: &RegisterRecord,
    actor: Actor<'_>,
    at: NaiveDateTime,
) -> QueryResult<Outcome> {
    let last = stored.registration.as_ref().and_then(|r| r.record_date);
    if let (Some(last), Some(date)) = (last, record.record_date)
        && date < last
    {
        return Ok(Outcome::Outdated);
    }
    let id = stored.row.id.clone();
    let incoming = Prepared::new(&record.company, id.clone(), at);
    let fields = changed_fields(&stored, &incoming, record);
    if fields.is_empty() {
        if last != record.record_date {
            diesel::update(company_registrations::table.find(&id))
                .set((
                    company_registrations::record_date.eq(record.record_date),
                    company_registrations::imported_at.eq(at),
                ))
                .execute(conn)?;
        }
        return Ok(Outcome::Unchanged);
    }
    diesel::update(companies::table.find(&id))
        .set((
            RegisterOwned::from(&incoming.row),
            companies::version.eq(companies::version + 1),
            companies::updated_at.eq(at),
        ))
        .execute(conn)?;
    if fields.contains(&"industries") {
        diesel::delete(company_nace::table.filter(company_nace::company_id.eq(&id)))
            .execute(conn)?;
        on_backend!(conn, |c| diesel::insert_into(company_nace::table)
            .values(incoming.nace())
            .execute(c))?;
    }
    diesel::delete(company_registrations::table.find(&id)).execute(conn)?;
    diesel::insert_into(company_registrations::table)
        .values(registration(&id, record, at))
        .execute(conn)?;
    audit::record(conn, &id, "register_updated", &fields, actor)?;
    if fields
        .iter()
        .any(|f| matches!(*f, "name" | "address" | "industries"))
    {
        index::refresh_company_and_products(conn, &id)?;
    }
    Ok(Outcome::Updated(fields))
}
