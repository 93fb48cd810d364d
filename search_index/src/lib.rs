//! PartnerNet's search: an embedded tantivy index of companies, products, events and
//! opportunities, kept current from the database's change log. The database stays the source
//! of truth; the index is a derived view that each API process keeps for itself and rebuilds
//! when it is missing or outdated.
//!
//! The interface is small on purpose — open, search, wait for a change to be searchable,
//! shut down — so that an external engine could replace the index behind it.

mod cache;
mod collect;
mod documents;
mod fields;
mod indexer;
mod query;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{SyncSender, sync_channel};
use std::sync::{Arc, Mutex, RwLock};
use std::thread::JoinHandle;
use std::time::Duration;

use domain::search::{Facet, Glossary, SearchRequest};
use persistence::Pool;
use persistence::companies::Company;
use tantivy::IndexReader;
use tokio::sync::watch;

use crate::cache::CompanyCache;
use crate::collect::Page;
use crate::fields::Fields;
pub use crate::query::Matching;

/// What is searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Companies,
    Products,
    Events,
    Opportunities,
}

/// Where a result stands in the order: every sort key, so a page can continue after it.
#[derive(Debug, Clone, PartialEq)]
pub struct Position {
    /// Text relevance, higher is better (0 without a query); whole-query name matches carry
    /// a tier above all others.
    pub score: f64,
    /// Distance in km from `near` (0 without `near`; unknown locations last).
    pub distance: f64,
    pub name_sort: String,
    pub id: String,
}

#[derive(Debug, Clone)]
pub struct Hit {
    pub position: Position,
    /// Latitude and longitude, when the search measures distances and the result has a place.
    pub location: Option<(f64, f64)>,
}

/// How many results have a facet's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    pub facet: Facet,
    pub value: String,
    pub count: i64,
}

#[derive(Debug, Clone)]
pub struct Results {
    pub hits: Vec<Hit>,
    /// How many results there are in all (with facets; without, a listing in name order stops
    /// counting after its page).
    pub total: u64,
    /// Empty unless facets were asked for.
    pub facets: Vec<FacetCount>,
    /// How much of the text query the results match.
    pub matching: Matching,
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The index is still being built.
    #[error("the search index is being built")]
    NotReady,
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
}

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(
        "the search index directory {0} is in use by another PartnerNet process; give each \
         process a directory of its own (PARTNERNET_INDEX_DIR)"
    )]
    InUse(PathBuf),
    #[error("cannot use the search index directory {0}: {1}")]
    Io(PathBuf, std::io::Error),
}

/// What the indexer shares with searches.
struct Shared {
    fields: Fields,
    /// Set once the index can answer; replaced when the index is rebuilt while serving.
    reader: RwLock<Option<IndexReader>>,
    /// The last change-log position the index has applied; -1 until it can answer.
    applied: watch::Sender<i64>,
    /// The administrators' glossary terms, reloaded when the log says they changed.
    glossary: RwLock<Arc<Glossary>>,
    /// Published companies as last read, dropped as the log says they change.
    companies: CompanyCache,
    /// Whether the index was rebuilt from the database at start.
    rebuilt: AtomicBool,
    stop: AtomicBool,
}

/// The search index of one process, with the thread that keeps it current.
pub struct SearchIndex {
    shared: Arc<Shared>,
    wake: SyncSender<()>,
    worker: Mutex<Option<JoinHandle<()>>>,
    /// Held while the process uses the directory: a second process is refused.
    lock: Mutex<Option<File>>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("applied", &*self.shared.applied.borrow())
            .finish_non_exhaustive()
    }
}

impl SearchIndex {
    /// Opens (or creates) the index in `dir` and starts following the change log of the
    /// database behind `pool`. Returns at once: a missing or outdated index is rebuilt in the
    /// background, and searches answer [`SearchError::NotReady`] until it is done.
    pub fn open(dir: &Path, pool: Pool) -> Result<Self, OpenError> {
        let io = |e| OpenError::Io(dir.to_owned(), e);
        std::fs::create_dir_all(dir).map_err(io)?;
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join("writer.lock"))
            .map_err(io)?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => return Err(OpenError::InUse(dir.to_owned())),
            Err(std::fs::TryLockError::Error(e)) => return Err(io(e)),
        }
        let shared = Arc::new(Shared {
            fields: Fields::new(),
            reader: RwLock::new(None),
            applied: watch::Sender::new(-1),
            glossary: RwLock::new(Arc::new(Glossary::default())),
            companies: CompanyCache::default(),
            rebuilt: AtomicBool::new(false),
            stop: AtomicBool::new(false),
        });
        // One wake-up pending is enough: the indexer reads everything new when it wakes.
        let (wake, woken) = sync_channel(1);
        let worker = indexer::spawn(dir.join("index"), pool, shared.clone(), woken).map_err(io)?;
        Ok(Self {
            shared,
            wake,
            worker: Mutex::new(Some(worker)),
            lock: Mutex::new(Some(lock)),
        })
    }

    /// Whether searches can be answered.
    pub fn is_ready(&self) -> bool {
        *self.shared.applied.borrow() >= 0
    }

    /// Whether the index was rebuilt from the database when it was opened (rather than
    /// resumed from where it stopped).
    pub fn was_rebuilt(&self) -> bool {
        self.shared.rebuilt.load(Ordering::Relaxed)
    }

    /// The last change-log position applied, -1 while the index is built.
    pub fn applied(&self) -> i64 {
        *self.shared.applied.borrow()
    }

    /// The administrators' glossary terms, for expanding queries.
    pub fn glossary(&self) -> Arc<Glossary> {
        self.shared
            .glossary
            .read()
            .map(|g| g.clone())
            .unwrap_or_default()
    }

    /// A published company as last read from the database, if this process still holds it
    /// and no change of it was applied since.
    pub fn cached_company(&self, id: &str) -> Option<Arc<Company>> {
        self.shared.companies.get(id)
    }

    /// Where the company cache stands: read it before a company is read from the database and
    /// hand it to [`SearchIndex::cache_company`] with the company.
    pub fn cache_generation(&self) -> i64 {
        self.shared.companies.generation()
    }

    /// Keeps a published company read from the database when the cache stood at
    /// `generation`, unless a change was applied since.
    pub fn cache_company(&self, generation: i64, company: Arc<Company>) {
        if company.row.status == domain::company::CompanyStatus::Published.as_str() {
            self.shared.companies.put(generation, company);
        }
    }

    /// Waits, at most `timeout`, until the index has applied change-log position `seq`.
    /// Returns whether it has.
    pub async fn wait_for(&self, seq: i64, timeout: Duration) -> bool {
        let _ = self.wake.try_send(());
        let mut applied = self.shared.applied.subscribe();
        tokio::time::timeout(timeout, applied.wait_for(|&at| at >= seq))
            .await
            .is_ok_and(|r| r.is_ok())
    }

    /// Runs a search: at most `limit` results after `after`, and the counts of all.
    pub fn search(
        &self,
        target: Target,
        request: &SearchRequest,
        after: Option<&Position>,
        limit: usize,
        matching: Matching,
    ) -> Result<Results, SearchError> {
        let results = self.search_once(target, request, after, limit, matching)?;
        // When no result matches every word, the results that match the most words, so a
        // search with one word too many still finds something.
        if let (Some(text), Matching::All, None, 0) =
            (&request.query, matching, after, results.total)
        {
            let words = query::words(&text.expr).len();
            for required in (1..words).rev() {
                let partial =
                    self.search_once(target, request, None, limit, Matching::AtLeast(required))?;
                if partial.total > 0 {
                    return Ok(partial);
                }
            }
        }
        Ok(results)
    }

    /// The first `limit` results that match every word of the query, without falling back to
    /// fewer words: for evidence, where a partial match is no match.
    pub fn search_every_word(
        &self,
        target: Target,
        request: &SearchRequest,
        limit: usize,
    ) -> Result<Results, SearchError> {
        self.search_once(target, request, None, limit, Matching::All)
    }

    fn search_once(
        &self,
        target: Target,
        request: &SearchRequest,
        after: Option<&Position>,
        limit: usize,
        matching: Matching,
    ) -> Result<Results, SearchError> {
        let reader = self
            .shared
            .reader
            .read()
            .map_err(|_| SearchError::NotReady)?
            .clone()
            .ok_or(SearchError::NotReady)?;
        let page = Page {
            sort: request.effective_sort(),
            after: after.cloned(),
            limit,
            near: request.near,
            facets: request.facets.clone(),
            scored: request.query.is_some(),
        };
        let query = query::build(&self.shared.fields, target, request, matching);
        let collected = reader.searcher().search(&*query, &page)?;
        Ok(Results {
            hits: collected.hits,
            total: collected.total,
            facets: collected.facets,
            matching,
        })
    }

    /// Stops the indexer and waits for it, then frees the directory for another process.
    /// Searches keep answering from what was indexed.
    pub fn shut_down(&self) {
        self.shared.stop.store(true, Ordering::Relaxed);
        let _ = self.wake.try_send(());
        if let Some(worker) = self.worker.lock().ok().and_then(|mut w| w.take()) {
            let _ = worker.join();
        }
        if let Ok(mut lock) = self.lock.lock() {
            lock.take();
        }
    }
}

impl Drop for SearchIndex {
    fn drop(&mut self) {
        self.shut_down();
    }
}
