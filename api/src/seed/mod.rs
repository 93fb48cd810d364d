//! Filling the database: the demo dataset and deterministic synthetic companies.

mod events;

use domain::company::{Address, CompanyKind, CompanyName, CompanyStatus, NewCompany, SizeClass};
use domain::country::Country;
use domain::language::{LocalizedText, SpokenLanguage};
use domain::product::{NewProduct, ProductKind};
use domain::reference::NaceCode;
use domain::synthetic;
use indicatif::{ProgressBar, ProgressStyle};
use persistence::DbConn;
use persistence::companies;

/// The seed of the demo dataset: the same 50 companies on every machine.
const DEMO_SEED: u64 = 2026;
const DEMO_SIZE: usize = 50;
/// Companies per transaction when seeding many.
const BATCH: usize = 5_000;

/// Seeds the demo dataset into a database without companies; returns how many companies were
/// added.
pub fn demo_if_empty(conn: &mut DbConn) -> anyhow::Result<Option<usize>> {
    if companies::count(conn)? > 0 {
        return Ok(None);
    }
    let added = companies::insert_new(conn, &demo())?;
    events::seed(conn)?;
    Ok(Some(added))
}

/// The demo dataset: the same companies on every machine, with the two chambers that organise
/// the demo's events.
pub fn demo() -> Vec<NewCompany> {
    let mut demo: Vec<_> = synthetic::generate(DEMO_SIZE, DEMO_SEED).collect();
    demo.push(german_sawmill());
    demo.extend(events::organisers());
    demo
}

/// A hand-written profile beside the generated ones, so that the README's example of sawmills
/// on both sides of the border finds one on each (the generator happens to make a Czech one).
fn german_sawmill() -> NewCompany {
    let nace = |code: &str| NaceCode::parse(code).expect("a NACE code of the catalogue");
    NewCompany {
        kind: CompanyKind::Company,
        name: CompanyName::parse("Sägewerk Schubert GmbH").expect("a valid name"),
        legal_form: Some("de_gmbh"),
        register_id: None,
        vat_id: None,
        address: Address::locate(
            Country::Germany,
            Some("Am Sägewerk 3".into()),
            Some("09496".into()),
            Some("Marienberg".into()),
        )
        .expect("a postal code of the catalogue"),
        nace: vec![nace("16.10"), nace("16.23")],
        size_class: Some(SizeClass::Small),
        founded_on: None,
        website: None,
        email: None,
        phone: None,
        description: LocalizedText {
            de: Some("Sägewerk im Erzgebirge: Schnittholz aus Fichte und Lärche, Hobelware und Bauholz nach Liste.".into()),
            cs: Some("Pila v Krušných horách: řezivo ze smrku a modřínu, hoblované řezivo a konstrukční dřevo.".into()),
            en: None,
        },
        languages: vec![
            SpokenLanguage::parse("de").expect("German"),
            SpokenLanguage::parse("cs").expect("Czech"),
        ],
        contacts: Vec::new(),
        products: vec![NewProduct {
            kind: ProductKind::Product,
            name: LocalizedText {
                de: Some("Schnittholz Fichte".into()),
                cs: Some("Řezivo smrk".into()),
                en: None,
            },
            description: LocalizedText::default(),
            nace: vec![nace("16.10")],
            keywords: vec!["Kantholz".into(), "Bretter".into()],
            image_url: None,
        }],
        status: CompanyStatus::Published,
        verified: false,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedReport {
    pub inserted: usize,
    /// Generated companies whose register id the database already held.
    pub skipped: usize,
}

/// Inserts `count` synthetic companies generated from `seed`, in batches, with a progress bar
/// on a terminal (indicatif hides it when stderr is not one).
pub fn synthetic(conn: &mut DbConn, count: usize, seed: u64) -> anyhow::Result<SeedReport> {
    let progress = ProgressBar::new(count as u64).with_style(ProgressStyle::with_template(
        "{bar:40} {pos}/{len} companies, {per_sec}, eta {eta}",
    )?);
    let mut report = SeedReport {
        inserted: 0,
        skipped: 0,
    };
    let mut generated = synthetic::generate(count, seed).peekable();
    while generated.peek().is_some() {
        let batch: Vec<_> = generated.by_ref().take(BATCH).collect();
        let inserted = companies::insert_new(conn, &batch)?;
        report.inserted += inserted;
        report.skipped += batch.len() - inserted;
        progress.inc(batch.len() as u64);
    }
    progress.finish_and_clear();
    persistence::db::analyze(conn)?;
    Ok(report)
}
