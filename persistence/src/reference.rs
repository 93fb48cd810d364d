//! The database copy of the embedded reference data: companies reference its rows by foreign
//! key, and search joins its labels.

use diesel::prelude::*;
use diesel::upsert::excluded;
use domain::reference::Catalog;

use crate::DbConn;
use crate::on_backend;
use crate::schema::{legal_forms, nace_codes, postal_codes, regions, settings};

const FINGERPRINT_KEY: &str = "reference_data_fingerprint";
/// Rows per INSERT: far below the bind-parameter limits of both backends.
const CHUNK: usize = 500;

#[derive(Insertable)]
#[diesel(table_name = nace_codes, treat_none_as_default_value = false)]
struct NaceRow<'a> {
    code: &'a str,
    level: &'a str,
    parent: Option<&'a str>,
    section: &'a str,
    label_de: &'a str,
    label_cs: &'a str,
    label_en: &'a str,
}

#[derive(Insertable)]
#[diesel(table_name = regions, treat_none_as_default_value = false)]
struct RegionRow<'a> {
    code: &'a str,
    country: &'a str,
    name_de: &'a str,
    name_cs: &'a str,
    name_en: &'a str,
    kind: &'a str,
    official_code: &'a str,
    programme_area: bool,
}

#[derive(Insertable)]
#[diesel(table_name = legal_forms, treat_none_as_default_value = false)]
struct LegalFormRow<'a> {
    code: &'a str,
    country: &'a str,
    abbreviation: &'a str,
    name_de: &'a str,
    name_cs: &'a str,
    name_en: &'a str,
    ares_code: Option<&'a str>,
}

#[derive(Insertable)]
#[diesel(table_name = postal_codes, treat_none_as_default_value = false)]
struct PostalRow<'a> {
    country: &'a str,
    postal_code: &'a str,
    place: &'a str,
    latitude: f64,
    longitude: f64,
    region: &'a str,
}

/// Brings the database copy up to date with the embedded catalogue, in one transaction. Does
/// nothing when the stored fingerprint matches, so starting on an existing database stays fast.
/// Returns whether anything was written.
pub fn sync(conn: &mut DbConn) -> QueryResult<bool> {
    let catalog = Catalog::get();
    conn.transaction(|conn| {
        let stored: Option<String> = settings::table
            .find(FINGERPRINT_KEY)
            .select(settings::value)
            .first(conn)
            .optional()?;
        if stored.as_deref() == Some(catalog.fingerprint()) {
            return Ok(false);
        }
        upsert_nace(conn, catalog)?;
        upsert_regions(conn, catalog)?;
        upsert_legal_forms(conn, catalog)?;
        upsert_postal_codes(conn, catalog)?;
        diesel::delete(settings::table.find(FINGERPRINT_KEY)).execute(conn)?;
        diesel::insert_into(settings::table)
            .values((
                settings::key.eq(FINGERPRINT_KEY),
                settings::value.eq(catalog.fingerprint()),
            ))
            .execute(conn)?;
        Ok(true)
    })
}

fn upsert_nace(conn: &mut DbConn, catalog: &Catalog) -> QueryResult<()> {
    let rows: Vec<NaceRow> = catalog
        .nace_entries()
        .iter()
        .map(|e| NaceRow {
            code: &e.code,
            level: e.level.as_str(),
            parent: e.parent.as_deref(),
            section: &e.section,
            label_de: &e.label.de,
            label_cs: &e.label.cs,
            label_en: &e.label.en,
        })
        .collect();
    // Parents come before children in the catalogue, so chunks keep foreign keys satisfied.
    for chunk in rows.chunks(CHUNK) {
        on_backend!(conn, |c| diesel::insert_into(nace_codes::table)
            .values(chunk)
            .on_conflict(nace_codes::code)
            .do_update()
            .set((
                nace_codes::label_de.eq(excluded(nace_codes::label_de)),
                nace_codes::label_cs.eq(excluded(nace_codes::label_cs)),
                nace_codes::label_en.eq(excluded(nace_codes::label_en)),
            ))
            .execute(c))?;
    }
    Ok(())
}

fn upsert_regions(conn: &mut DbConn, catalog: &Catalog) -> QueryResult<()> {
    let rows: Vec<RegionRow> = catalog
        .regions()
        .iter()
        .map(|r| RegionRow {
            code: r.code.as_str(),
            country: r.country.as_str(),
            name_de: &r.name.de,
            name_cs: &r.name.cs,
            name_en: &r.name.en,
            kind: r.kind.as_str(),
            official_code: &r.official_code,
            programme_area: r.programme_area,
        })
        .collect();
    on_backend!(conn, |c| diesel::insert_into(regions::table)
        .values(&rows)
        .on_conflict(regions::code)
        .do_update()
        .set((
            regions::name_de.eq(excluded(regions::name_de)),
            regions::name_cs.eq(excluded(regions::name_cs)),
            regions::name_en.eq(excluded(regions::name_en)),
            regions::programme_area.eq(excluded(regions::programme_area)),
        ))
        .execute(c))?;
    Ok(())
}

fn upsert_legal_forms(conn: &mut DbConn, catalog: &Catalog) -> QueryResult<()> {
    let rows: Vec<LegalFormRow> = catalog
        .legal_forms()
        .iter()
        .map(|f| LegalFormRow {
            code: f.code,
            country: f.country.as_str(),
            abbreviation: f.abbreviation,
            name_de: &f.name.de,
            name_cs: &f.name.cs,
            name_en: &f.name.en,
            ares_code: f.ares_code,
        })
        .collect();
    on_backend!(conn, |c| diesel::insert_into(legal_forms::table)
        .values(&rows)
        .on_conflict(legal_forms::code)
        .do_update()
        .set((
            legal_forms::abbreviation.eq(excluded(legal_forms::abbreviation)),
            legal_forms::name_de.eq(excluded(legal_forms::name_de)),
            legal_forms::name_cs.eq(excluded(legal_forms::name_cs)),
            legal_forms::name_en.eq(excluded(legal_forms::name_en)),
            legal_forms::ares_code.eq(excluded(legal_forms::ares_code)),
        ))
        .execute(c))?;
    Ok(())
}

fn upsert_postal_codes(conn: &mut DbConn, catalog: &Catalog) -> QueryResult<()> {
    let rows: Vec<PostalRow> = catalog
        .postal_places()
        .iter()
        .map(|p| PostalRow {
            country: p.country.as_str(),
            postal_code: &p.postal_code,
            place: &p.place,
            latitude: p.latitude,
            longitude: p.longitude,
            region: &p.nuts3,
        })
        .collect();
    for chunk in rows.chunks(CHUNK) {
        on_backend!(conn, |c| diesel::insert_into(postal_codes::table)
            .values(chunk)
            .on_conflict((
                postal_codes::country,
                postal_codes::postal_code,
                postal_codes::place,
            ))
            .do_update()
            .set((
                postal_codes::latitude.eq(excluded(postal_codes::latitude)),
                postal_codes::longitude.eq(excluded(postal_codes::longitude)),
                postal_codes::region.eq(excluded(postal_codes::region)),
            ))
            .execute(c))?;
    }
    Ok(())
}
