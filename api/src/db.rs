//! Runs diesel's blocking calls off the actix workers.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use actix_web::web;
use persistence::{DbConn, Pool};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::ApiError;

/// The pool plus a limit on blocking database work in flight: at most as many closures run as
/// there are connections, so surplus requests wait here (bounded by the acquisition timeout,
/// then 503) instead of piling up blocking threads that wait inside `pool.get()`.
#[derive(Debug, Clone)]
pub struct Db {
    pool: Pool,
    permits: Arc<Semaphore>,
    /// Places for long work (streamed exports): a quarter of the pool, so exports can never
    /// hold every connection while requests wait for one.
    long: Arc<Semaphore>,
    /// Requests waiting for a permit, for the metrics.
    waiting: Arc<AtomicUsize>,
    acquire_timeout: Duration,
}

impl Db {
    pub fn new(pool: Pool, acquire_timeout: Duration) -> Self {
        let permits = Arc::new(Semaphore::new(pool.max_size() as usize));
        let long = Arc::new(Semaphore::new((pool.max_size() as usize / 4).max(1)));
        Self {
            pool,
            permits,
            long,
            waiting: Arc::new(AtomicUsize::new(0)),
            acquire_timeout,
        }
    }

    /// Database work in flight, and requests waiting for their turn.
    pub fn load(&self) -> (usize, usize) {
        let in_use = self.pool.max_size() as usize - self.permits.available_permits();
        (in_use, self.waiting.load(Ordering::Relaxed))
    }

    /// The pool, for work outside requests (the search indexer).
    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// Runs `work` on this thread with a pooled connection: for command-line tasks, never
    /// inside a request handler.
    pub fn blocking<T>(
        &self,
        work: impl FnOnce(&mut DbConn) -> anyhow::Result<T>,
    ) -> anyhow::Result<T> {
        let mut conn = self.pool.get()?;
        work(&mut conn)
    }

    /// A place among the pool's users, waited for at most the acquisition timeout (then 503).
    async fn permit(&self) -> Result<OwnedSemaphorePermit, ApiError> {
        self.waiting.fetch_add(1, Ordering::Relaxed);
        let permit = self.place(&self.permits).await;
        self.waiting.fetch_sub(1, Ordering::Relaxed);
        permit
    }

    /// One of `places`, waited for at most the acquisition timeout (then 503).
    async fn place(&self, places: &Arc<Semaphore>) -> Result<OwnedSemaphorePermit, ApiError> {
        tokio::time::timeout(self.acquire_timeout, places.clone().acquire_owned())
            .await
            .map_err(|_| ApiError::Unavailable)?
            .map_err(ApiError::internal)
    }

    /// A connection for long work on the blocking thread pool (a streamed export), with its
    /// place among long work and among the pool's users: waits for each like [`Db::run`], then
    /// holds all until dropped.
    pub async fn lease(&self) -> Result<Lease, ApiError> {
        let long = self.place(&self.long).await?;
        let permit = self.permit().await?;
        let pool = self.pool.clone();
        let conn = web::block(move || pool.get())
            .await
            .map_err(ApiError::internal)?
            .map_err(|error| {
                tracing::warn!(%error, "no database connection available");
                ApiError::Unavailable
            })?;
        Ok(Lease {
            conn,
            _permit: permit,
            _long: long,
        })
    }

    /// Runs `work` with a pooled connection on the blocking thread pool, inside the caller's
    /// tracing span so its log lines keep the request id.
    pub async fn run<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let permit = self.permit().await?;
        let pool = self.pool.clone();
        let span = tracing::Span::current();
        web::block(move || {
            let _entered = span.enter();
            let _permit = permit;
            let mut conn = pool.get().map_err(|error| {
                tracing::warn!(%error, "no database connection available");
                ApiError::Unavailable
            })?;
            work(&mut conn)
        })
        .await
        .map_err(|_| ApiError::internal(anyhow::anyhow!("database task panicked")))?
    }
}

/// A pooled connection held for long work, see [`Db::lease`].
pub struct Lease {
    pub conn: persistence::db::PooledConn,
    _permit: OwnedSemaphorePermit,
    _long: OwnedSemaphorePermit,
}

impl std::fmt::Debug for Lease {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Lease")
    }
}
