use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use api::auth::Auth;
use api::auth::throttle::ThrottleLimits;
use api::config::{AuthArgs, DatabaseArgs, Environment, LogFormat, ServeArgs};
use api::import::terminal::TerminalSink;
use api::import::{self, Input};
use api::mail::{Outbox, Sender};
use api::webhooks::{Dispatcher, Targets};
use api::{Application, ServerOptions, accounts, openapi, prepare_database, seed, telemetry};
use clap::{Parser, Subcommand};
use domain::import::RegisterSource;
use domain::retry::Backoff;
use persistence::audit::Actor;
use search_index::SearchIndex;

// Imports build records on some threads and free them on another: with glibc's allocator, those
// frees took a third of a re-import's time (docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// PartnerNet: the API of the German–Czech cross-border business network.
#[derive(Debug, Parser)]
#[command(name = "partnernet", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    database: DatabaseArgs,
    /// Log line format.
    #[arg(long, env = "PARTNERNET_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    log_format: LogFormat,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the API (the default): migrate, load reference data, seed demo data into an empty
    /// database, then listen.
    Serve {
        #[command(flatten)]
        serve: ServeArgs,
        #[command(flatten)]
        auth: AuthArgs,
    },
    /// Manage user accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Apply pending database migrations and refresh the reference data, then exit.
    Migrate,
    /// Print the OpenAPI document.
    Openapi {
        /// Output format.
        #[arg(long, value_enum, default_value_t = SpecFormat::Yaml)]
        format: SpecFormat,
    },
    /// Import company register data: insert new companies, update what the register changed,
    /// never overwrite what members edited.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Fill the database with deterministic synthetic companies, for demos and benchmarks.
    Seed {
        /// How many companies to generate.
        #[arg(long, value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
        synthetic: u64,
        /// The same seed and count always give the same companies.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Create an account, for example the first administrator. The password is read from
    /// standard input so it stays out of the shell history and the process list.
    Create {
        #[arg(long)]
        email: String,
        /// Read the password from standard input (the first line).
        #[arg(long, required = true)]
        password_stdin: bool,
        /// The person's name (default: the e-mail address).
        #[arg(long)]
        name: Option<String>,
        /// Preferred language: de, cs or en.
        #[arg(long, default_value = "de")]
        language: String,
        /// Make the account a platform administrator.
        #[arg(long)]
        admin: bool,
    },
    /// Make an existing account a platform administrator.
    GrantAdmin {
        #[arg(long)]
        email: String,
    },
    /// Withdraw the platform administrator role of an account; it applies to the account's
    /// next request.
    RevokeAdmin {
        #[arg(long)]
        email: String,
    },
}

#[derive(Debug, Subcommand)]
enum ImportCommand {
    /// ARES JSON (Czech register): single subjects or search results, one per file, a folder of
    /// such files, or NDJSON (`.jsonl`, `.ndjson`, `-` for standard input).
    Ares(ImportArgs),
    /// OffeneRegister.de JSONL (German commercial register): files or `-` for standard input.
    Handelsregister(ImportArgs),
}

#[derive(Debug, clap::Args)]
struct ImportArgs {
    /// Files, folders, or `-` for standard input.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Write the rejected records (location, code, message) to this file as NDJSON.
    #[arg(long)]
    rejects: Option<PathBuf>,
    /// Write the warnings (what was left out of imported records) to this file as NDJSON.
    #[arg(long)]
    warnings: Option<PathBuf>,
    /// Validate and count as a real import would, but write nothing.
    #[arg(long)]
    dry_run: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum SpecFormat {
    Yaml,
    Json,
}

fn main() -> anyhow::Result<()> {
    let mut cli = Cli::parse();
    // No subcommand means `serve`: parse again with it appended so its flags and their
    // environment variables apply exactly as for `partnernet serve`.
    if cli.command.is_none() {
        cli = Cli::parse_from(std::env::args_os().chain(["serve".into()]));
    }
    telemetry::init(cli.log_format);
    let pool_config = || cli.database.pool_config();
    match cli.command.context("a command")? {
        Command::Serve {
            serve: args,
            auth: auth_args,
        } => {
            let limits = ThrottleLimits {
                proposals_per_day: args.proposals_per_day,
                ..ThrottleLimits::default()
            };
            let auth = Auth::new(&auth_args.jwt_secret()?, limits)?;
            let db = prepare_database(&pool_config()?, !args.no_demo)?;
            // Import jobs run inside the server that accepted them: one left `running` by the
            // last stop will never finish. (With several replicas, another replica's job may
            // show `failed` until it finishes and records its real outcome.)
            let interrupted =
                db.blocking(|conn| Ok(persistence::import_jobs::fail_interrupted(conn)?))?;
            if interrupted > 0 {
                tracing::warn!(
                    jobs = interrupted,
                    "import jobs interrupted by the last stop marked failed"
                );
            }
            // Development receivers run on the developer's machine; in production webhooks go
            // only to public addresses.
            let targets = Targets {
                allow_private: auth_args.environment == Environment::Development,
            };
            serve(db, auth, targets, &args)
        }
        Command::User(UserCommand::Create {
            email,
            password_stdin: _,
            name,
            language,
            admin,
        }) => {
            let mut password = String::new();
            std::io::stdin()
                .read_line(&mut password)
                .context("cannot read the password from standard input")?;
            let password = password.trim_end_matches(['\n', '\r']);
            let db = prepare_database(&pool_config()?, false)?;
            let language = language
                .parse()
                .map_err(|e| anyhow::anyhow!("--language: {e}"))?;
            let new = accounts::NewAccount {
                email: &email,
                password,
                name: name.as_deref().unwrap_or(&email),
                language,
                admin,
            };
            let user = db.blocking(|conn| accounts::create(conn, &new))?;
            eprintln!(
                "created {}{} with id {}",
                if user.is_admin {
                    "administrator "
                } else {
                    "user "
                },
                user.email,
                user.id
            );
            Ok(())
        }
        Command::User(UserCommand::GrantAdmin { email }) => {
            set_admin(&pool_config()?, &email, true)
        }
        Command::User(UserCommand::RevokeAdmin { email }) => {
            set_admin(&pool_config()?, &email, false)
        }
        Command::Migrate => prepare_database(&pool_config()?, false).map(drop),
        Command::Openapi { format } => {
            let text = match format {
                SpecFormat::Yaml => openapi::yaml()?,
                SpecFormat::Json => openapi::document().to_pretty_json()?,
            };
            print!("{text}");
            Ok(())
        }
        Command::Import(command) => {
            let (source, args) = match command {
                ImportCommand::Ares(args) => (RegisterSource::Ares, args),
                ImportCommand::Handelsregister(args) => (RegisterSource::Handelsregister, args),
            };
            let db = prepare_database(&pool_config()?, false)?;
            import(&db, source, &args)
        }
        Command::Seed { synthetic, seed } => {
            let db = prepare_database(&pool_config()?, false)?;
            let started = Instant::now();
            let count = usize::try_from(synthetic)?;
            let report = db.blocking(|conn| seed::synthetic(conn, count, seed))?;
            eprintln!(
                "seeded {} companies ({} skipped: register id already present) in {:.1} s",
                report.inserted,
                report.skipped,
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
    }
}

fn set_admin(config: &persistence::PoolConfig, email: &str, admin: bool) -> anyhow::Result<()> {
    let email =
        domain::account::Email::parse(email).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
    let db = prepare_database(config, false)?;
    let user = db
        .blocking(|conn| Ok(persistence::users::set_admin(conn, email.as_str(), admin)?))?
        .with_context(|| format!("there is no account {}", email.as_str()))?;
    let what = if admin {
        "granted to"
    } else {
        "withdrawn from"
    };
    tracing::info!(user = %user.id, email = %user.email, admin, "administrator role changed");
    eprintln!(
        "the administrator role was {what} {} ({})",
        user.email, user.id
    );
    Ok(())
}

fn import(db: &api::db::Db, source: RegisterSource, args: &ImportArgs) -> anyhow::Result<()> {
    let inputs: Vec<Input> = args.inputs.iter().map(|a| Input::from_arg(a)).collect();
    let total = inputs.iter().map(Input::size).sum();
    let mut sink = TerminalSink::new(args.rejects.as_deref(), args.warnings.as_deref(), total)?;
    let options = import::Options {
        source,
        dry_run: args.dry_run,
        actor: Actor::Register,
    };
    let (summary, took) = db.blocking(|conn| import::run(conn, inputs, options, &mut sink))?;
    sink.finish()?;
    let seconds = took.as_secs_f64();
    println!(
        "{}{}: {} records in {seconds:.2} s ({:.0} records/s): {} inserted, {} updated, {} unchanged, {} rejected; {} with warnings",
        source.as_str(),
        if args.dry_run {
            " (dry run, nothing written)"
        } else {
            ""
        },
        summary.records(),
        summary.records() as f64 / seconds.max(1e-9),
        summary.inserted,
        summary.updated,
        summary.unchanged,
        summary.rejected,
        summary.warnings,
    );
    Ok(())
}

/// How often the server looks for opportunities that expire within a week, and prunes the
/// change log.
const HOURLY: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// Tells organisations, once an hour, of their opportunities that expire within a week.
async fn notice_expiring_opportunities(db: api::db::Db) {
    let mut every = actix_web::rt::time::interval(HOURLY);
    loop {
        every.tick().await;
        let today = chrono::Utc::now().date_naive();
        let swept = db
            .run(move |conn| Ok(persistence::opportunities::notice_expiring(conn, today)?))
            .await;
        match swept {
            Ok(0) => {}
            Ok(noticed) => tracing::info!(noticed, "told organisations of expiring opportunities"),
            Err(error) => tracing::warn!(%error, "cannot look for expiring opportunities"),
        }
    }
}

/// Removes change-log entries and delivered webhook deliveries older than `days`, and
/// idempotency keys older than a day, once an hour.
async fn prune_change_log(db: api::db::Db, days: u32) {
    let mut every = actix_web::rt::time::interval(HOURLY);
    loop {
        every.tick().await;
        let before = (chrono::Utc::now() - chrono::Duration::days(i64::from(days))).naive_utc();
        let pruned = db
            .run(move |conn| {
                let changes = persistence::changes::prune(conn, before)?;
                let deliveries = persistence::webhooks::prune_delivered(conn, before)?;
                let forgotten = persistence::clock::now()
                    - chrono::Duration::from_std(api::idempotency::KEPT).expect("a day fits");
                persistence::idempotency::prune(conn, forgotten)?;
                Ok((changes, deliveries))
            })
            .await;
        match pruned {
            Ok((0, 0)) => {}
            Ok((changes, deliveries)) => {
                tracing::info!(
                    changes,
                    deliveries,
                    days,
                    "pruned the change log and webhook deliveries"
                )
            }
            Err(error) => tracing::warn!(%error, "cannot prune the change log"),
        }
    }
}

#[actix_web::main]
async fn serve(
    db: api::db::Db,
    auth: Auth,
    targets: Targets,
    args: &ServeArgs,
) -> anyhow::Result<()> {
    let index = Arc::new(SearchIndex::open(&args.index_dir, db.pool().clone())?);
    let listener =
        TcpListener::bind(&args.bind).with_context(|| format!("cannot listen on {}", args.bind))?;
    actix_web::rt::spawn(notice_expiring_opportunities(db.clone()));
    actix_web::rt::spawn(prune_change_log(db.clone(), args.change_retention_days));
    let sender = match &args.smtp_url {
        Some(url) => Sender::smtp(url, &args.mail_from)?,
        None => Sender::Log,
    };
    tracing::info!(?sender, "e-mails of notifications go through this sender");
    actix_web::rt::spawn(Outbox::new(db.clone(), sender, Backoff::MAIL).run());
    let poll = std::time::Duration::from_millis(args.webhook_poll_ms);
    let lease = std::time::Duration::from_secs(args.webhook_lease_seconds);
    actix_web::rt::spawn(Dispatcher::new(db.clone(), targets, Backoff::WEBHOOK, lease).run(poll));
    let options = ServerOptions {
        workers: args.workers,
        targets,
        rate_limits: args.rate_limits(),
        cors_origins: args.cors_origins.clone(),
        metrics: api::metrics::MetricsAccess {
            token: args.metrics_token.clone(),
        },
    };
    let app = Application::build(db, index.clone(), auth, listener, options)?;
    tracing::info!(address = %args.bind, docs = "/docs", "PartnerNet API listening");
    app.run_until_stopped().await?;
    index.shut_down();
    Ok(())
}
