//! Settings of the server, from the command line or the environment.

use std::num::NonZeroU32;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use clap::{Args, ValueEnum};
use persistence::{DatabaseUrl, PoolConfig};

use crate::auth::tokens::{MIN_SECRET_BYTES, new_secret};
use crate::rate_limit::RateLimits;

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
    /// Partnership proposals one user may make in 24 hours; more are answered 429.
    #[arg(long, env = "PARTNERNET_PROPOSALS_PER_DAY", default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    pub proposals_per_day: u32,
    /// The SMTP server e-mails go through (`smtp://host:25`,
    /// `smtp://user:password@host:587?tls=required`, `smtps://user:password@host`). Without
    /// one, e-mails are written to the log.
    #[arg(long, env = "PARTNERNET_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// The sender of e-mails.
    #[arg(
        long,
        env = "PARTNERNET_MAIL_FROM",
        default_value = "PartnerNet <no-reply@partnernet.example>"
    )]
    pub mail_from: String,
    /// Days the change log keeps its entries (`GET /v1/changes`); a client further behind
    /// gets 410 and exports again.
    #[arg(long, env = "PARTNERNET_CHANGE_RETENTION_DAYS", default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub change_retention_days: u32,
    /// Milliseconds a server waits before it looks again for webhook deliveries to plan and
    /// send, when the last look found none.
    #[arg(long, env = "PARTNERNET_WEBHOOK_POLL_MS", default_value_t = 1000, value_parser = clap::value_parser!(u64).range(10..=60_000))]
    pub webhook_poll_ms: u64,
    /// Seconds a server holds a webhook delivery it sends. A server that crashes mid-delivery
    /// leaves it to the others (or to itself, restarted) when this runs out; it must outlast
    /// the longest a delivery may take.
    #[arg(long, env = "PARTNERNET_WEBHOOK_LEASE_SECONDS", default_value_t = 300, value_parser = clap::value_parser!(u64).range(crate::webhooks::MIN_LEASE_SECONDS..=86_400))]
    pub webhook_lease_seconds: u64,
    /// Requests per minute one API key may make (0: no limit); more are answered 429.
    #[arg(long, env = "PARTNERNET_RATE_LIMIT_PER_KEY", default_value_t = 600)]
    pub rate_limit_per_key: u32,
    /// Requests per minute one signed-in user may make (0: no limit).
    #[arg(long, env = "PARTNERNET_RATE_LIMIT_PER_USER", default_value_t = 600)]
    pub rate_limit_per_user: u32,
    /// Requests per minute from one client address without credentials (0: no limit). The
    /// address is the connection's peer: behind a proxy, every client shares the proxy's.
    #[arg(long, env = "PARTNERNET_RATE_LIMIT_PER_ADDRESS", default_value_t = 300)]
    pub rate_limit_per_address: u32,
    /// Origins whose browser pages may read the API's answers, comma-separated
    /// (`https://portal.example.eu,https://crm.example.cz`); empty: any origin. Never with
    /// credentials (cookies): access is by bearer token.
    #[arg(long, env = "PARTNERNET_CORS_ORIGINS", value_delimiter = ',', value_parser = parse_origin)]
    pub cors_origins: Vec<String>,
    /// The token Prometheus sends (`Authorization: Bearer ...`) to read `GET /metrics`; without
    /// one the server shows no metrics.
    #[arg(long, env = "PARTNERNET_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,
    /// The search index's directory: one per server process, rebuilt from the database when
    /// missing.
    #[arg(
        long,
        env = "PARTNERNET_INDEX_DIR",
        default_value = "./data/search-index"
    )]
    pub index_dir: PathBuf,
}

impl ServeArgs {
    pub fn rate_limits(&self) -> RateLimits {
        RateLimits {
            per_key: NonZeroU32::new(self.rate_limit_per_key),
            per_user: NonZeroU32::new(self.rate_limit_per_user),
            per_address: NonZeroU32::new(self.rate_limit_per_address),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Environment {
    /// A missing JWT secret is generated and kept in the data folder.
    Development,
    /// A missing JWT secret is a start-up error.
    Production,
}

#[derive(Debug, Clone, Args)]
pub struct AuthArgs {
    /// Signs access tokens: at least 32 bytes. Required in production.
    #[arg(long, env = "PARTNERNET_JWT_SECRET", hide_env_values = true)]
    pub jwt_secret: Option<String>,
    /// `production` refuses to start without an explicit JWT secret.
    #[arg(long = "env", env = "PARTNERNET_ENV", value_enum, default_value_t = Environment::Development)]
    pub environment: Environment,
    /// Where the generated development secret is kept.
    #[arg(long, env = "PARTNERNET_DATA_DIR", default_value = "./data")]
    pub data_dir: PathBuf,
}

impl AuthArgs {
    /// The JWT secret: from the environment, or in development from `<data dir>/jwt-secret`,
    /// created with a random value on first start.
    pub fn jwt_secret(&self) -> anyhow::Result<Vec<u8>> {
        if let Some(secret) = &self.jwt_secret {
            anyhow::ensure!(
                secret.len() >= MIN_SECRET_BYTES,
                "PARTNERNET_JWT_SECRET must be at least {MIN_SECRET_BYTES} bytes long"
            );
            return Ok(secret.as_bytes().to_vec());
        }
        anyhow::ensure!(
            self.environment == Environment::Development,
            "PARTNERNET_JWT_SECRET is required when PARTNERNET_ENV=production"
        );
        let path = self.data_dir.join("jwt-secret");
        match std::fs::read_to_string(&path) {
            Ok(secret) if secret.trim().len() >= MIN_SECRET_BYTES => {
                return Ok(secret.trim().as_bytes().to_vec());
            }
            Ok(_) => anyhow::bail!(
                "{} holds a secret shorter than {MIN_SECRET_BYTES} bytes",
                path.display()
            ),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
        }
        std::fs::create_dir_all(&self.data_dir)
            .with_context(|| format!("cannot create {}", self.data_dir.display()))?;
        let secret = new_secret()?;
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        options
            .open(&path)
            .and_then(|mut file| std::io::Write::write_all(&mut file, secret.as_bytes()))
            .with_context(|| format!("cannot write {}", path.display()))?;
        tracing::info!(path = %path.display(), "generated a development JWT secret");
        Ok(secret.into_bytes())
    }
}

/// An origin as browsers send it: `https://host[:port]`, nothing after it.
fn parse_origin(raw: &str) -> Result<String, String> {
    let origin = raw.trim();
    let uri: actix_web::http::Uri = origin
        .parse()
        .map_err(|_| format!("'{origin}' is not an origin like https://portal.example.eu"))?;
    let bare = matches!(uri.scheme_str(), Some("http" | "https"))
        && uri.authority().is_some()
        && origin
            == format!(
                "{}://{}",
                uri.scheme_str().unwrap_or_default(),
                uri.authority().map(|a| a.as_str()).unwrap_or_default()
            );
    if bare {
        Ok(origin.to_owned())
    } else {
        Err(format!(
            "'{origin}' is not an origin: write the scheme and host (and port) only, like https://portal.example.eu"
        ))
    }
}
