//! The thread that keeps the index current: it builds the index from the database when there
//! is none (or one of another schema version), then follows the change log, applying each
//! batch of changes in one commit that records the last position applied.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::Receiver;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use domain::search::Glossary;
use persistence::{DbConn, Pool};
use serde_json::json;
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{
    Index, IndexReader, IndexSettings, IndexSortByField, IndexWriter, Order, ReloadPolicy,
    Searcher, TantivyDocument, Term,
};

use crate::Shared;
use crate::documents;
use crate::fields::{SCHEMA_VERSION, fast};

type Failure = Box<dyn std::error::Error + Send + Sync>;

/// Change-log entries read at once; one index commit applies them all.
const BATCH: i64 = 20_000;
/// Companies loaded from the database at once.
const CHUNK: usize = 1_000;
/// How often the log is read when no write of this process wakes the indexer: writes through
/// other processes become searchable here within this time and a commit.
const POLL: Duration = Duration::from_millis(200);
/// How long to wait before trying again after the database or the index failed.
const RETRY: Duration = Duration::from_secs(1);
/// Failed updates in a row after which the files are looked at: gone or unreadable, the index
/// is rebuilt from the database.
const REBUILD_AFTER: u32 = 3;
/// Writer memory for building the whole index: a thread per core, large segments.
const BUILD_MEMORY: usize = 96 << 20;
/// Writer memory for following the log: one thread, at tantivy's minimum per thread. Batches
/// of changes are small next to a build, and the memory stays with the process.
const FOLLOW_MEMORY: usize = 15 << 20;

fn follower(index: &Index) -> tantivy::Result<IndexWriter<TantivyDocument>> {
    index.writer_with_num_threads(1, FOLLOW_MEMORY)
}

pub(crate) fn spawn(
    dir: PathBuf,
    pool: Pool,
    shared: Arc<Shared>,
    woken: Receiver<()>,
) -> std::io::Result<JoinHandle<()>> {
    std::thread::Builder::new()
        .name("search-indexer".into())
        .spawn(move || {
            let Some(mut indexer) = start(&dir, &pool, &shared) else {
                return;
            };
            let mut failures = 0;
            while !shared.stop.load(Ordering::Relaxed) {
                match indexer.step(&pool, &shared) {
                    Ok(true) => failures = 0,
                    Ok(false) => {
                        failures = 0;
                        let _ = woken.recv_timeout(POLL);
                    }
                    Err(error) => {
                        tracing::warn!(%error, "search index update failed; trying again");
                        // What the failed batch added is dropped; the batch is read again. A
                        // writer that cannot even roll back (its directory is gone) is done.
                        let rolled_back = indexer.writer.rollback().is_ok();
                        failures += 1;
                        if !rolled_back || (failures >= REBUILD_AFTER && lost(&dir)) {
                            // Opened again, or rebuilt when the files are gone or broken;
                            // searches go on from the old files (still open) meanwhile.
                            tracing::warn!("reopening the search index, rebuilding it if need be");
                            drop(indexer);
                            let Some(reopened) = start(&dir, &pool, &shared) else {
                                return;
                            };
                            indexer = reopened;
                            failures = 0;
                        } else {
                            std::thread::sleep(RETRY);
                        }
                    }
                }
            }
        })
}

struct Indexer {
    writer: IndexWriter<TantivyDocument>,
    reader: IndexReader,
    applied: i64,
}

/// Opens the index, or builds it, retrying until it succeeds or the process stops.
fn start(dir: &Path, pool: &Pool, shared: &Shared) -> Option<Indexer> {
    while !shared.stop.load(Ordering::Relaxed) {
        match open_or_build(dir, pool, shared) {
            Ok(indexer) => {
                // This thread is the only one that opens the index.
                if let Ok(mut reader) = shared.reader.write() {
                    *reader = Some(indexer.reader.clone());
                }
                shared.companies.forget([], indexer.applied);
                shared.applied.send_replace(indexer.applied);
                return Some(indexer);
            }
            Err(error) => {
                tracing::warn!(%error, "cannot open or build the search index; trying again");
                std::thread::sleep(RETRY);
            }
        }
    }
    None
}

fn open_or_build(dir: &Path, pool: &Pool, shared: &Shared) -> Result<Indexer, Failure> {
    let mut conn = pool.get()?;
    load_glossary(&mut conn, shared)?;
    let pruned = persistence::changes::pruned_through(&mut conn)?;
    match resume(dir) {
        // An index behind what the log still holds would miss the removed entries.
        Ok(Some((index, applied))) if applied >= pruned => {
            tracing::info!(applied, "search index opened");
            let writer = follower(&index)?;
            Ok(Indexer {
                reader: reader(&index)?,
                writer,
                applied,
            })
        }
        outdated => {
            match outdated {
                Err(error) => {
                    tracing::warn!(%error, "the search index cannot be read; rebuilding it");
                }
                Ok(Some((_, applied))) => tracing::warn!(
                    applied,
                    pruned,
                    "the search index is older than the change log keeps; rebuilding it"
                ),
                Ok(None) => {}
            }
            let indexer = build(dir, &mut conn, shared)?;
            shared.rebuilt.store(true, Ordering::Relaxed);
            Ok(indexer)
        }
    }
}

fn reader(index: &Index) -> tantivy::Result<IndexReader> {
    index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
}

/// Whether the index in `dir` is gone or cannot be read (deleted or damaged while serving).
fn lost(dir: &Path) -> bool {
    !matches!(resume(dir), Ok(Some(_)))
}

/// The index in `dir` and the log position it has applied, if it is of this schema version.
fn resume(dir: &Path) -> Result<Option<(Index, i64)>, Failure> {
    if !dir.join("meta.json").exists() {
        return Ok(None);
    }
    let index = Index::open_in_dir(dir)?;
    let payload = index.load_metas()?.payload.unwrap_or_default();
    let payload: serde_json::Value = serde_json::from_str(&payload).unwrap_or_default();
    let version = payload["schema"].as_u64();
    match payload["seq"].as_i64() {
        Some(seq) if version == Some(u64::from(SCHEMA_VERSION)) => Ok(Some((index, seq))),
        _ => {
            tracing::info!(?version, "the search index is of another schema version");
            Ok(None)
        }
    }
}

/// Builds the index from scratch: every company with its products, every event and
/// opportunity, then a commit recording the log position read before the first row. Changes
/// committed after it are applied next, so none is lost; applying one twice does no harm.
fn build(dir: &Path, conn: &mut DbConn, shared: &Shared) -> Result<Indexer, Failure> {
    let started = Instant::now();
    match std::fs::remove_dir_all(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
        _ => {}
    }
    std::fs::create_dir_all(dir)?;
    let index = Index::builder()
        .schema(shared.fields.schema.clone())
        .settings(IndexSettings {
            sort_by_field: Some(IndexSortByField {
                field: fast::NAME_KEY.to_owned(),
                order: Order::Asc,
            }),
            ..IndexSettings::default()
        })
        .create_in_dir(dir)?;
    let mut writer = index.writer(BUILD_MEMORY)?;
    let applied = persistence::changes::latest(conn)?;
    tracing::info!(applied, "building the search index from the database");
    let mut after: Option<String> = None;
    let (mut companies, mut documents) = (0usize, 0usize);
    loop {
        let page = persistence::companies::page_by_id(conn, after.as_deref(), CHUNK as i64)?;
        let Some(last) = page.last() else { break };
        after = Some(last.row.id.clone());
        documents += add_companies(&writer, conn, shared, page)?;
        companies += CHUNK;
        if companies.is_multiple_of(20 * CHUNK) {
            tracing::info!(companies, documents, "building the search index");
        }
        if shared.stop.load(Ordering::Relaxed) {
            return Err("stopped while building the search index".into());
        }
    }
    let mut after: Option<String> = None;
    loop {
        let page = persistence::events::page_by_id(conn, after.as_deref(), CHUNK as i64)?;
        let Some(last) = page.last() else { break };
        after = Some(last.row.id.clone());
        for event in &page {
            writer.add_document(documents::of_event(&shared.fields, event))?;
            documents += 1;
        }
    }
    let mut after: Option<String> = None;
    loop {
        let page = persistence::opportunities::page_by_id(conn, after.as_deref(), CHUNK as i64)?;
        let Some(last) = page.last() else { break };
        after = Some(last.row.id.clone());
        for opportunity in &page {
            writer.add_document(documents::of_opportunity(&shared.fields, opportunity))?;
            documents += 1;
        }
    }
    commit(&mut writer, applied)?;
    // One segment: every search pays per segment (opening columns, finding the page's names
    // and ids in each segment's dictionary), and the build leaves several.
    let segments = index.searchable_segment_ids()?;
    if segments.len() > 1 {
        writer.merge(&segments).wait()?;
    }
    // The build's writer lets go of its memory (and of the directory) for the follower's.
    writer.wait_merging_threads()?;
    let writer = follower(&index)?;
    tracing::info!(
        documents,
        seconds = started.elapsed().as_secs_f64(),
        "search index built"
    );
    Ok(Indexer {
        reader: reader(&index)?,
        writer,
        applied,
    })
}

/// Adds the documents of `companies` and of all their products; returns how many.
fn add_companies(
    writer: &IndexWriter<TantivyDocument>,
    conn: &mut DbConn,
    shared: &Shared,
    companies: Vec<persistence::companies::Company>,
) -> Result<usize, Failure> {
    let ids: Vec<String> = companies.iter().map(|c| c.row.id.clone()).collect();
    let mut products = persistence::products::all_of_companies(conn, &ids)?;
    let mut added = 0;
    for company in &companies {
        let offered = products.remove(&company.row.id).unwrap_or_default();
        for document in documents::of_company(&shared.fields, company, &offered) {
            writer.add_document(document)?;
            added += 1;
        }
    }
    Ok(added)
}

fn commit(writer: &mut IndexWriter<TantivyDocument>, applied: i64) -> tantivy::Result<()> {
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&json!({"schema": SCHEMA_VERSION, "seq": applied}).to_string());
    prepared.commit()?;
    Ok(())
}

fn load_glossary(conn: &mut DbConn, shared: &Shared) -> Result<(), Failure> {
    let concepts = persistence::glossary::list(conn)?
        .iter()
        .map(|entry| entry.concept())
        .collect();
    if let Ok(mut glossary) = shared.glossary.write() {
        *glossary = Arc::new(Glossary::new(concepts));
    }
    Ok(())
}

/// The companies the index holds the products `ids` under.
fn indexed_companies(shared: &Shared, searcher: &Searcher, ids: &[String]) -> Vec<String> {
    let mut companies = Vec::new();
    for id in ids {
        let query = TermQuery::new(
            Term::from_field_text(shared.fields.id, id),
            IndexRecordOption::Basic,
        );
        let Ok(found) = searcher.search(&query, &DocSetCollector) else {
            continue;
        };
        for address in found {
            let segment = searcher.segment_reader(address.segment_ord);
            let Ok(Some(column)) = segment.fast_fields().str(fast::COMPANY_ID) else {
                continue;
            };
            let mut company = String::new();
            if let Some(ord) = column.term_ords(address.doc_id).next()
                && column.ord_to_str(ord, &mut company).unwrap_or(false)
            {
                companies.push(company);
            }
        }
    }
    companies
}

impl Indexer {
    /// Replaces the documents `ids` (events, opportunities: one document each) with `fresh`,
    /// the documents of those still stored.
    fn replace(
        &self,
        shared: &Shared,
        ids: &[String],
        fresh: impl Iterator<Item = TantivyDocument>,
    ) -> Result<(), Failure> {
        for id in ids {
            self.writer
                .delete_term(Term::from_field_text(shared.fields.id, id));
        }
        for document in fresh {
            self.writer.add_document(document)?;
        }
        Ok(())
    }

    /// Applies the next batch of the change log; `false` when there was none.
    fn step(&mut self, pool: &Pool, shared: &Shared) -> Result<bool, Failure> {
        let mut conn = pool.get()?;
        let changes = persistence::changes::after(&mut conn, self.applied, BATCH)?;
        let Some(last) = changes.last().map(|c| c.seq) else {
            return Ok(false);
        };
        let mut companies = BTreeSet::new();
        let mut products = BTreeSet::new();
        let mut events = BTreeSet::new();
        let mut opportunities = BTreeSet::new();
        let mut glossary = false;
        for change in changes {
            match change.entity.as_str() {
                "company" => {
                    companies.insert(change.entity_id);
                }
                "product" => {
                    products.insert(change.entity_id);
                }
                "event" => {
                    events.insert(change.entity_id);
                }
                "opportunity" => {
                    opportunities.insert(change.entity_id);
                }
                "glossary" => glossary = true,
                // News of registrations, for their organisations: nothing searchable.
                _ => {}
            }
        }
        // The unit of indexing is a company with all of its products: a product's document
        // holds where its company is, the company's holds what its products say.
        let products: Vec<String> = products.into_iter().collect();
        for part in products.chunks(CHUNK) {
            companies.extend(persistence::products::companies_of(&mut conn, part)?);
            companies.extend(indexed_companies(shared, &self.reader.searcher(), part));
            for id in part {
                self.writer
                    .delete_term(Term::from_field_text(shared.fields.id, id));
            }
        }
        let companies: Vec<String> = companies.into_iter().collect();
        for part in companies.chunks(CHUNK) {
            // Event and opportunity documents hold their organisation's name (and place).
            events.extend(persistence::events::ids_of_organisers(&mut conn, part)?);
            opportunities.extend(persistence::opportunities::ids_of_companies(
                &mut conn, part,
            )?);
            for id in part {
                self.writer
                    .delete_term(Term::from_field_text(shared.fields.company_id, id));
            }
            let stored = persistence::companies::by_ids(&mut conn, part)?;
            add_companies(&self.writer, &mut conn, shared, stored)?;
        }
        let events: Vec<String> = events.into_iter().collect();
        for part in events.chunks(CHUNK) {
            let stored = persistence::events::by_ids(&mut conn, part)?;
            let fresh = stored
                .iter()
                .map(|e| documents::of_event(&shared.fields, e));
            self.replace(shared, part, fresh)?;
        }
        let opportunities: Vec<String> = opportunities.into_iter().collect();
        for part in opportunities.chunks(CHUNK) {
            let stored = persistence::opportunities::by_ids(&mut conn, part)?;
            let fresh = stored
                .iter()
                .map(|o| documents::of_opportunity(&shared.fields, o));
            self.replace(shared, part, fresh)?;
        }
        if glossary {
            load_glossary(&mut conn, shared)?;
        }
        commit(&mut self.writer, last)?;
        self.reader.reload()?;
        self.applied = last;
        // Before the position is published: a write that waits for it finds no stale copy.
        shared.companies.forget(&companies, last);
        shared.applied.send_replace(last);
        Ok(true)
    }
}
