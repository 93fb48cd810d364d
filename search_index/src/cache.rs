//! Published companies as the API shows them, kept in memory and dropped when the change log
//! says they changed: the same view, kept current the same way, as the index. A profile read
//! through this server after a write through it is never stale (the write waits for the
//! indexer, which drops the entry first); through another server, for at most one poll.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use persistence::companies::Company;

/// Companies kept: a few tens of MB, enough for the profiles people look at.
const CAPACITY: usize = 20_000;

#[derive(Debug, Default)]
pub(crate) struct CompanyCache {
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    /// The change-log position the entries are current with.
    generation: i64,
    entries: HashMap<String, Arc<Company>>,
}

impl CompanyCache {
    pub(crate) fn get(&self, id: &str) -> Option<Arc<Company>> {
        self.state.lock().ok()?.entries.get(id).cloned()
    }

    pub(crate) fn generation(&self) -> i64 {
        self.state.lock().map_or(i64::MIN, |s| s.generation)
    }

    /// Keeps `company`, read from the database when the cache was at `generation`, unless a
    /// change was applied since: then the copy may predate it.
    pub(crate) fn put(&self, generation: i64, company: Arc<Company>) {
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        if state.generation != generation {
            return;
        }
        if state.entries.len() >= CAPACITY {
            // Any entry makes room: profiles in demand come back at their next read.
            if let Some(victim) = state.entries.keys().next().cloned() {
                state.entries.remove(&victim);
            }
        }
        state.entries.insert(company.row.id.clone(), company);
    }

    /// Drops the companies `ids` changed in the log up to `generation`.
    pub(crate) fn forget<'a>(&self, ids: impl IntoIterator<Item = &'a String>, generation: i64) {
        if let Ok(mut state) = self.state.lock() {
            for id in ids {
                state.entries.remove(id);
            }
            state.generation = generation;
        }
    }
}
