//! Upserting register records: insert what is new, update register-owned fields of what changed,
//! never touch what members own (descriptions, contacts, website, products, languages, kind).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::upsert::excluded;
use domain::company::RegisterId;
use domain::import::RegisterRecord;

use crate::DbConn;
use crate::audit::{self, Actor, ChangeRow};
use crate::clock::now;
use crate::companies::{
    CompanyNaceRow, CompanyRow, Prepared, RegistrationRow, insert_prepared, new_id,
};
use crate::on_backend;
use crate::schema::{companies, company_nace, company_registrations};

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

/// A register record made ready to store: its rows built under a new id.
/// Staging needs no connection, so an import stages records on another thread than the one
/// that writes them.
#[derive(Debug)]
pub struct Staged {
    record: RegisterRecord,
    key: String,
    prepared: Prepared,
}

impl Staged {
    pub fn new(record: RegisterRecord) -> Self {
        let prepared = Prepared::new(&record.company, new_id(), now());
        Self {
            key: identity(record.register_id()),
            record,
            prepared,
        }
    }
}

/// Applies `records` in one transaction and returns one outcome per record, in order. A record
/// whose register identity appeared earlier in `records` is applied after it, so the later line
/// of a file wins. With `dry_run` everything is computed exactly as for a real run, then rolled
/// back.
pub fn apply(
    conn: &mut DbConn,
    records: Vec<Staged>,
    actor: Actor<'_>,
    dry_run: bool,
) -> QueryResult<Vec<Outcome>> {
    // Runs of records with distinct identities, each applied after the one before.
    let mut runs: Vec<Vec<Staged>> = vec![Vec::new()];
    let mut seen = HashSet::new();
    for record in records {
        if !seen.insert(record.key.clone()) {
            seen.clear();
            seen.insert(record.key.clone());
            runs.push(Vec::new());
        }
        runs.last_mut().expect("runs start with one").push(record);
    }
    let mut outcomes = Vec::new();
    let result = conn.transaction(|conn| {
        for mut run in runs {
            while !run.is_empty() {
                let rest = run.split_off(run.len().min(CHUNK));
                outcomes.extend(apply_distinct(
                    conn,
                    std::mem::replace(&mut run, rest),
                    actor,
                )?);
            }
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

/// Rows per statement: 30 columns × 500 rows stays below both backends' bind limits.
const CHUNK: usize = 500;

/// Applies at most `CHUNK` records whose register identities are all different: inserts and
/// updates each with a few statements for all of them.
fn apply_distinct(
    conn: &mut DbConn,
    records: Vec<Staged>,
    actor: Actor<'_>,
) -> QueryResult<Vec<Outcome>> {
    let mut stored = load_stored(conn, &records)?;
    let mut outcomes = Vec::with_capacity(records.len());
    let mut inserts = Vec::new();
    let mut updates = Updates::default();
    // The outcome positions of the inserts, with the ids they are inserted under.
    let mut inserted_at = Vec::new();
    for Staged {
        record,
        key,
        prepared,
    } in records
    {
        let outcome = match stored.remove(&key) {
            None => {
                let id = &prepared.row.id;
                updates
                    .registrations
                    .push(registration(id, &record, prepared.row.created_at));
                updates
                    .changes
                    .push(audit::entry(id, "imported", &[], actor));
                inserted_at.push((outcomes.len(), id.clone()));
                inserts.push(prepared);
                Outcome::Inserted
            }
            Some(existing) => updates.add(existing, &record, prepared, actor),
        };
        outcomes.push(outcome);
    }
    let inserted = insert_prepared(conn, inserts)?;
    // A company inserted meanwhile by another import is left to that import.
    let mut skipped = HashSet::new();
    for (position, id) in inserted_at {
        if !inserted.contains(&id) {
            outcomes[position] = Outcome::Unchanged;
            skipped.insert(id);
        }
    }
    updates
        .registrations
        .retain(|r| !skipped.contains(&r.company_id));
    updates.changes.retain(|c| !skipped.contains(&c.company_id));
    updates.write(conn)?;
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
fn load_stored(conn: &mut DbConn, records: &[Staged]) -> QueryResult<HashMap<String, Stored>> {
    let mut icos = Vec::new();
    let mut numbers = Vec::new();
    for staged in records {
        match staged.record.register_id() {
            RegisterId::Ico(ico) => icos.push(ico.as_str()),
            RegisterId::German(entry) => numbers.push(entry.number()),
        }
    }
    let wanted: HashSet<&str> = records.iter().map(|r| r.key.as_str()).collect();
    // Locked, in id order, until the batch commits: an edit or a delete of one of these
    // companies meanwhile waits for the import (or the import for it), so nothing is written
    // from a stale copy and a deleted company is not written back. SQLite needs no lock: it
    // fails the batch when another connection wrote since this read. A macro, not a function:
    // each backend's arm infers its own query type.
    macro_rules! load_locked {
        ($filter:expr) => {{
            let rows: Vec<CompanyRow> = match &mut *conn {
                DbConn::Postgresql(c) => companies::table
                    .filter($filter)
                    .select(CompanyRow::as_select())
                    .order_by(companies::id)
                    .for_update()
                    .load(c)?,
                DbConn::Sqlite(c) => companies::table
                    .filter($filter)
                    .select(CompanyRow::as_select())
                    .load(c)?,
            };
            rows
        }};
    }
    let mut rows = Vec::new();
    if !icos.is_empty() {
        rows.extend(load_locked!(companies::ico.eq_any(&icos)));
    }
    if !numbers.is_empty() {
        rows.extend(load_locked!(companies::register_number.eq_any(&numbers)));
    }
    let rows: Vec<CompanyRow> = rows
        .into_iter()
        .filter(|row| stored_identity(row).is_some_and(|id| wanted.contains(id.as_str())))
        .collect();
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

/// The API names of the register-owned fields in which `incoming` differs from `stored`.
fn changed_fields(
    stored: &Stored,
    incoming: &Prepared,
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

/// The writes of the updates of one chunk, and of the inserts' register states and history,
/// made with a few statements for the whole chunk.
#[derive(Default)]
struct Updates {
    /// New company rows whose register-owned fields replace the stored ones.
    rows: Vec<CompanyRow>,
    /// Companies whose industries are replaced, and their new NACE rows.
    nace_of: Vec<String>,
    nace: Vec<CompanyNaceRow>,
    /// Register states to write, and the companies whose stored state they replace.
    registrations: Vec<RegistrationRow>,
    replaced: Vec<String>,
    changes: Vec<ChangeRow>,
}

impl Updates {
    /// Plans applying a record to a stored company: register-owned fields only, and only from
    /// a record at least as new as the one applied last.
    fn add(
        &mut self,
        stored: Stored,
        record: &RegisterRecord,
        incoming: Prepared,
        actor: Actor<'_>,
    ) -> Outcome {
        let last = stored.registration.as_ref().and_then(|r| r.record_date);
        if let (Some(last), Some(date)) = (last, record.record_date)
            && date < last
        {
            return Outcome::Outdated;
        }
        let id = stored.row.id.clone();
        let at = incoming.row.created_at;
        let fields = changed_fields(&stored, &incoming, record);
        if fields.is_empty() && last == record.record_date {
            return Outcome::Unchanged;
        }
        if stored.registration.is_some() {
            self.replaced.push(id.clone());
        }
        self.registrations.push(registration(&id, record, at));
        if fields.is_empty() {
            return Outcome::Unchanged;
        }
        let (row, nace) = incoming.into_update_of(&id);
        self.rows.push(row);
        if fields.contains(&"industries") {
            self.nace_of.push(id.clone());
            self.nace.extend(nace);
        }
        self.changes
            .push(audit::entry(&id, "register_updated", &fields, actor));
        Outcome::Updated(fields)
    }

    fn write(self, conn: &mut DbConn) -> QueryResult<()> {
        // Every row exists, so the upsert only ever updates, and only the register-owned
        // columns: the others in `rows` are not the stored ones.
        if !self.rows.is_empty() {
            on_backend!(conn, |c| diesel::insert_into(companies::table)
                .values(&self.rows)
                .on_conflict(companies::id)
                .do_update()
                .set((
                    companies::name.eq(excluded(companies::name)),
                    companies::name_sort.eq(excluded(companies::name_sort)),
                    companies::legal_form.eq(excluded(companies::legal_form)),
                    companies::country.eq(excluded(companies::country)),
                    companies::vat_id.eq(excluded(companies::vat_id)),
                    companies::street.eq(excluded(companies::street)),
                    companies::postal_code.eq(excluded(companies::postal_code)),
                    companies::city.eq(excluded(companies::city)),
                    companies::region.eq(excluded(companies::region)),
                    companies::latitude.eq(excluded(companies::latitude)),
                    companies::longitude.eq(excluded(companies::longitude)),
                    companies::founded_on.eq(excluded(companies::founded_on)),
                    companies::version.eq(companies::version + 1),
                    companies::updated_at.eq(excluded(companies::updated_at)),
                ))
                .execute(c))?;
        }
        if !self.nace_of.is_empty() {
            diesel::delete(
                company_nace::table.filter(company_nace::company_id.eq_any(&self.nace_of)),
            )
            .execute(conn)?;
        }
        crate::bulk_insert!(conn, company_nace::table, &self.nace, CHUNK)?;
        if !self.replaced.is_empty() {
            diesel::delete(
                company_registrations::table
                    .filter(company_registrations::company_id.eq_any(&self.replaced)),
            )
            .execute(conn)?;
        }
        crate::bulk_insert!(
            conn,
            company_registrations::table,
            &self.registrations,
            CHUNK
        )?;
        audit::insert(conn, &self.changes)
    }
}
