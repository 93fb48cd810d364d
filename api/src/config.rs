//! Settings of the server, from the command line or the environment.

use std::time::Duration;

use clap::{Args, ValueEnum};
use persistence::{DatabaseUrl, PoolConfig};

#[derive(Debug, Clone, Args)]
pub struct DatabaseArgs {
    /// `sqlite://path/to/file.db` or `postgres://user:password@host/database`.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://./data/partnernet.db",
        global = true,
        hide_env_values = true
    )]
    pub database_url: String,
    /// Connections in the pool.
    #[arg(long, env = "DATABASE_POOL_SIZE", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=500), global = true)]
    pub database_pool_size: u32,
    /// Milliseconds a request waits for a free connection before it is answered 503.
    #[arg(long, env = "DATABASE_ACQUIRE_TIMEOUT_MS", default_value_t = 3000, value_parser = clap::value_parser!(u64).range(100..=60_000), global = true)]
    pub database_acquire_timeout_ms: u64,
}

impl DatabaseArgs {
    pub fn pool_config(&self) -> anyhow::Result<PoolConfig> {
        Ok(PoolConfig {
            url: DatabaseUrl::parse(&self.database_url)?,
            max_size: self.database_pool_size,
            acquire_timeout: Duration::from_millis(self.database_acquire_timeout_ms),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "PARTNERNET_BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// HTTP worker threads (default: one per CPU core).
    #[arg(long, env = "PARTNERNET_WORKERS")]
    pub workers: Option<usize>,
    /// Do not seed the demo dataset into an empty database.
    #[arg(long, env = "PARTNERNET_NO_DEMO")]
    pub no_demo: bool,
}
