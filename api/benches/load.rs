//! Load benchmark: seeds 100,000 synthetic companies (about 300,000 products and services) and
//! 2,000 opportunities made from their products if the database holds fewer, opens (or builds)
//! the search index, serves the API in-process and measures latency and throughput of seven
//! typical requests at 1, 16 and 64 concurrent clients, then the process's memory and the
//! index's size. Run through `bench/run.sh`, or:
//!
//! `PARTNERNET_BENCH_DATABASE_URL=sqlite:///tmp/bench.db cargo bench -p api --bench load`
//!
//! `PARTNERNET_BENCH_ONLY=recommendations` measures only the requests whose name contains it.
//!
//! `PARTNERNET_BENCH_MIXED_SECONDS=60` runs mixed traffic instead (`bench/mixed.sh`): 64
//! clients for that long, each picking reads, searches, writes and exports at random; then
//! counts the writes in the database and shows how memory went.

// The server's allocator (src/main.rs), so the benchmark measures what runs in production:
// with glibc's, an export spent a third of its time in malloc's arena locks, freeing on one
// thread what another built.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use api::auth::Auth;
use api::auth::throttle::ThrottleLimits;
use api::{Application, prepare_database};
use domain::language::{Language, LocalizedText};
use domain::opportunity::{NewOpportunity, OpportunityStatus, OpportunityType, PartnershipType};
use domain::reference::NaceCode;
use persistence::{DatabaseUrl, PoolConfig};
use search_index::SearchIndex;

const COMPANIES: usize = 100_000;
/// Opportunities made from the products of sampled companies: every other one a request.
const OPPORTUNITIES: usize = 2_000;
/// The administrator the recommendations are asked as (administrators may ask for any
/// organisation).
const ADMIN: &str = "bench-admin@partnernet.example";
const PASSWORD: &str = "benchmark password of some length";
const SEED: u64 = 7;
const CONCURRENCY: [usize; 3] = [1, 16, 64];

/// How long each scenario runs at each concurrency, after a warm-up of a second.
fn measure_for() -> Duration {
    let seconds = std::env::var("PARTNERNET_BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    Duration::from_secs(seconds)
}

struct Scenario {
    name: &'static str,
    paths: Vec<String>,
    /// Sent as `Authorization`.
    bearer: Option<String>,
}

fn scenarios(ids: &[String], admin_token: &str) -> Vec<Scenario> {
    let public = |name, paths| Scenario {
        name,
        paths,
        bearer: None,
    };
    vec![
        public(
            "company by id",
            ids.iter().map(|id| format!("/v1/companies/{id}")).collect(),
        ),
        public(
            "filtered list",
            [
                "country=CZ&region=CZ042&nace=25&limit=20",
                "country=DE&kind=company&size=small&limit=20",
                "region=DED2C&region=DED2D&nace=16&limit=20",
                "verified=true&has_products=true&limit=20",
            ]
            .iter()
            .map(|q| format!("/v1/companies?{q}"))
            .collect(),
        ),
        public(
            "two-word search with facets",
            [
                "Holz%20Bautzen",
                "fr%C3%A9zov%C3%A1n%C3%AD%20Liberec",
                "Kunststoff%20Teile",
                "Stahl%20Chemnitz",
                "S%C3%A4gewerk%20Sachsen",
                "logistika%20Dresden",
            ]
            .iter()
            .map(|q| format!("/v1/companies?q={q}&facets=country,region,nace_section,kind"))
            .collect(),
        ),
        public(
            "one-word prefix search",
            ["hol", "fr%C3%A9z", "stro", "logist"]
                .iter()
                .map(|q| format!("/v1/companies?q={q}"))
                .collect(),
        ),
        public("broad word", vec!["/v1/companies?q=Teile".to_owned()]),
        public(
            "distance search",
            [
                "near_postal_code=DE-01067&radius_km=25&sort=distance",
                "near=50.77,14.2&radius_km=30&sort=distance",
                "near_postal_code=CZ-46001&radius_km=20&nace=C&sort=distance",
            ]
            .iter()
            .map(|q| format!("/v1/companies?{q}"))
            .collect(),
        ),
        Scenario {
            name: "recommendations",
            paths: ids[..200]
                .iter()
                .map(|id| format!("/v1/companies/{id}/recommendations"))
                .collect(),
            bearer: Some(format!("Bearer {admin_token}")),
        },
    ]
}

struct Figures {
    requests: usize,
    errors: usize,
    per_second: f64,
    p50_ms: f64,
    p99_ms: f64,
}

async fn client(
    base: String,
    paths: Vec<String>,
    bearer: Option<String>,
    offset: usize,
    until: Instant,
) -> (Vec<u32>, usize) {
    let client = awc::Client::builder()
        .timeout(Duration::from_secs(30))
        .finish();
    let mut latencies = Vec::new();
    let mut errors = 0;
    let mut i = offset;
    while Instant::now() < until {
        let path = &paths[i % paths.len()];
        i += 1;
        let start = Instant::now();
        let mut request = client.get(format!("{base}{path}"));
        if let Some(bearer) = &bearer {
            request = request.insert_header(("Authorization", bearer.as_str()));
        }
        let ok = match request.send().await {
            Ok(mut response) => {
                let body = response.body().limit(16 << 20).await;
                response.status().is_success() && body.is_ok()
            }
            Err(_) => false,
        };
        if ok {
            latencies.push(u32::try_from(start.elapsed().as_micros()).unwrap_or(u32::MAX));
        } else {
            errors += 1;
        }
    }
    (latencies, errors)
}

async fn run(base: &str, scenario: &Scenario, clients: usize, duration: Duration) -> Figures {
    let warm_up = Instant::now() + Duration::from_secs(1);
    let tasks: Vec<_> = (0..clients)
        .map(|c| {
            actix_web::rt::spawn(client(
                base.to_owned(),
                scenario.paths.clone(),
                scenario.bearer.clone(),
                c * 7,
                warm_up,
            ))
        })
        .collect();
    for task in tasks {
        task.await.expect("client finished");
    }
    let start = Instant::now();
    let until = start + duration;
    let tasks: Vec<_> = (0..clients)
        .map(|c| {
            actix_web::rt::spawn(client(
                base.to_owned(),
                scenario.paths.clone(),
                scenario.bearer.clone(),
                c * 13,
                until,
            ))
        })
        .collect();
    let mut latencies = Vec::new();
    let mut errors = 0;
    for task in tasks {
        let (l, e) = task.await.expect("client finished");
        latencies.extend(l);
        errors += e;
    }
    let elapsed = start.elapsed().as_secs_f64();
    latencies.sort_unstable();
    let percentile = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p).ceil() as usize).saturating_sub(1))
            .map_or(f64::NAN, |&us| f64::from(us) / 1000.0)
    };
    Figures {
        requests: latencies.len(),
        errors,
        per_second: latencies.len() as f64 / elapsed,
        p50_ms: percentile(0.50),
        p99_ms: percentile(0.99),
    }
}

/// Resident memory of this process (server and load clients), anonymous and file-backed
/// (memory-mapped index and database files) apart.
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<u64>().ok())
            .map_or(0, |kb| kb / 1024)
    };
    format!(
        "RSS {} MB (anonymous {} MB, files {} MB)",
        field("VmRSS:"),
        field("RssAnon:"),
        field("RssFile:")
    )
}

/// The size of the files under `dir`, in MB.
fn megabytes(dir: &std::path::Path) -> u64 {
    let bytes: u64 = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| match entry.metadata() {
            Ok(meta) if meta.is_dir() => megabytes(&entry.path()) << 20,
            Ok(meta) => meta.len(),
            Err(_) => 0,
        })
        .sum();
    bytes >> 20
}

/// Publishes opportunities made from the products of `ids`' companies until there are
/// [`OPPORTUNITIES`]: requests "Suche <product>" and offers named as the product.
fn opportunities(conn: &mut persistence::DbConn, ids: &[String]) -> anyhow::Result<()> {
    let existing = persistence::opportunities::ids_of_companies(conn, ids)?.len();
    let today = chrono::Utc::now().date_naive();
    for i in existing..OPPORTUNITIES {
        let company = &ids[(i * 7 + 500) % ids.len()];
        let Some(product) = persistence::products::of_company(conn, company, None, 1)?.pop() else {
            continue;
        };
        let name = product.row.name_de.clone().unwrap_or_default();
        let request = i % 2 == 0;
        let new = NewOpportunity {
            company_id: company.clone(),
            kind: if request {
                OpportunityType::BusinessRequest
            } else {
                OpportunityType::BusinessOffer
            },
            status: OpportunityStatus::Published,
            title: LocalizedText {
                de: Some(if request {
                    format!("Suche {name}")
                } else {
                    name
                }),
                ..LocalizedText::default()
            },
            summary: LocalizedText::default(),
            description: LocalizedText::default(),
            nace: product
                .nace
                .iter()
                .filter_map(|c| NaceCode::parse(c).ok())
                .collect(),
            keywords: Vec::new(),
            partnership_types: vec![PartnershipType::Supplier],
            target_countries: Vec::new(),
            target_regions: Vec::new(),
            valid_until: today + chrono::Days::new(300),
        };
        persistence::opportunities::create(conn, &new)?;
    }
    Ok(())
}

/// The process's anonymous resident memory in kB (heap, not mapped files).
fn anonymous_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("RssAnon:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse().ok())
        .unwrap_or(0)
}

/// Exports every company once as NDJSON, reading the stream as it comes, and reports the
/// time and how far the process's anonymous memory rose above where it stood (sampled every
/// 5 ms while the export runs).
async fn export_once(base: &str, token: &str) -> anyhow::Result<()> {
    use futures_util::StreamExt;
    let before = anonymous_kb();
    let peak = Arc::new(std::sync::atomic::AtomicU64::new(before));
    let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let sampler = {
        let (peak, done) = (peak.clone(), done.clone());
        std::thread::spawn(move || {
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                peak.fetch_max(anonymous_kb(), std::sync::atomic::Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(5));
            }
        })
    };
    let started = Instant::now();
    let mut response = awc::Client::builder()
        .timeout(Duration::from_secs(600))
        .finish()
        .get(format!("{base}/v1/export/companies"))
        .insert_header(("Authorization", format!("Bearer {token}")))
        .send()
        .await
        .map_err(|e| anyhow::anyhow!("export: {e}"))?;
    let (mut bytes, mut lines) = (0usize, 0usize);
    while let Some(chunk) = response.next().await {
        let chunk = chunk.map_err(|e| anyhow::anyhow!("export: {e}"))?;
        bytes += chunk.len();
        lines += chunk.iter().filter(|&&b| b == b'\n').count();
    }
    let took = started.elapsed().as_secs_f64();
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let _ = sampler.join();
    let peak = peak.load(std::sync::atomic::Ordering::Relaxed);
    println!(
        "export of {lines} companies ({} MB NDJSON): {took:.2} s, status {}; anonymous memory {} MB before, peak {} MB during (+{} MB)",
        bytes >> 20,
        response.status(),
        before / 1024,
        peak / 1024,
        peak.saturating_sub(before) / 1024
    );
    Ok(())
}

/// Clients of the mixed run, and how they share their requests out of 100.
const MIXED_CLIENTS: usize = 64;
const READS: u32 = 70;
const SEARCHES: u32 = 20;
const WRITES: u32 = 9;

/// What one mixed client saw.
#[derive(Default)]
struct Mixed {
    by_kind: [(usize, Vec<u32>); 4],
    failures: Vec<String>,
    created: usize,
    /// Answers `503` with `Retry-After`, waited out and sent again.
    deferred: usize,
    /// Requests still told to wait when the run ended.
    unfinished: usize,
}

const KINDS: [&str; 4] = ["read", "search", "write", "export"];

/// How one request of a mixed client ended.
enum Outcome {
    /// Answered 2xx with this status.
    Answered(u16),
    /// Still told to wait (`503` with `Retry-After`) when the run ended.
    StillWaiting,
    Failed(String),
}

async fn mixed_client(
    base: String,
    ids: Arc<Vec<String>>,
    token: String,
    company: String,
    seed: u64,
    until: Instant,
) -> Mixed {
    let client = awc::Client::builder()
        .timeout(Duration::from_secs(60))
        .finish();
    let searches = [
        "/v1/companies?q=Holz%20Bautzen&facets=country,region",
        "/v1/companies?q=fr%C3%A9z",
        "/v1/companies?country=CZ&region=CZ042&nace=25&limit=20",
        "/v1/products?q=Teile",
        "/v1/companies?near_postal_code=DE-01067&radius_km=25&sort=distance",
    ];
    let bearer = format!("Bearer {token}");
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut seen = Mixed::default();
    let mut n = 0;
    while Instant::now() < until {
        n += 1;
        let pick = rng.u32(0..100);
        let kind = match pick {
            p if p < READS => 0,
            p if p < READS + SEARCHES => 1,
            p if p < READS + SEARCHES + WRITES => 2,
            _ => 3,
        };
        let started = Instant::now();
        let path = match kind {
            0 => format!("/v1/companies/{}", ids[rng.usize(..ids.len())]),
            1 => searches[rng.usize(..searches.len())].to_owned(),
            2 => format!("/v1/companies/{company}/products"),
            _ => "/v1/export/companies?region=CZ042&format=csv".to_owned(),
        };
        let product = serde_json::json!({
            "kind": "product",
            "name": {"de": format!("Lastprodukt {seed}-{n}")},
            "industries": ["28.13"],
        });
        // A well-behaved client: a 503 with `Retry-After` is waited out and sent again.
        let outcome = loop {
            let request = if kind == 2 {
                client.post(format!("{base}{path}"))
            } else {
                client.get(format!("{base}{path}"))
            };
            let request = if kind >= 2 {
                request.insert_header(("Authorization", bearer.as_str()))
            } else {
                request
            };
            let sent = if kind == 2 {
                request.send_json(&product).await
            } else {
                request.send().await
            };
            let mut response = match sent {
                Ok(response) => response,
                Err(error) => break Outcome::Failed(format!("{}: {error}", KINDS[kind])),
            };
            let retry_after = response
                .headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<u64>().ok());
            let body = response.body().limit(64 << 20).await;
            match (response.status().as_u16(), body) {
                (503, Ok(_)) if retry_after.is_some() => {
                    seen.deferred += 1;
                    if Instant::now() >= until {
                        break Outcome::StillWaiting;
                    }
                    actix_web::rt::time::sleep(Duration::from_secs(retry_after.unwrap_or(1))).await;
                }
                (status, Ok(_)) if (200..300).contains(&status) => {
                    break Outcome::Answered(status);
                }
                (status, Ok(body)) => {
                    break Outcome::Failed(format!(
                        "{} {status}: {}",
                        KINDS[kind],
                        String::from_utf8_lossy(&body[..body.len().min(200)])
                    ));
                }
                (_, Err(error)) => {
                    break Outcome::Failed(format!("{}: body {error}", KINDS[kind]));
                }
            }
        };
        match outcome {
            Outcome::StillWaiting => seen.unfinished += 1,
            Outcome::Answered(status) => {
                let (count, latencies) = &mut seen.by_kind[kind];
                *count += 1;
                latencies.push(u32::try_from(started.elapsed().as_micros()).unwrap_or(u32::MAX));
                if kind == 2 && status == 201 {
                    seen.created += 1;
                }
            }
            Outcome::Failed(failure) => seen.failures.push(failure),
        }
    }
    seen
}

/// Mixed traffic for `duration`: 64 clients, each request a read of a company (70 %), a search
/// (20 %), a new product of one company (a write, 9 %) or a CSV export of a region (1 %: bulk
/// pulls are rare next to the traffic of people). Then the database must
/// hold every product a client was told was created, and memory must not have grown.
async fn mixed(
    base: &str,
    db: &api::db::Db,
    ids: &[String],
    token: &str,
    duration: Duration,
) -> anyhow::Result<()> {
    let mut response = awc::Client::default()
        .post(format!("{base}/v1/companies"))
        .insert_header(("Authorization", format!("Bearer {token}")))
        .send_json(&serde_json::json!({
            "kind": "company",
            "name": format!("Lasttest {}", chrono::Utc::now().timestamp()),
            "address": {"country": "DE", "postal_code": "01067"},
            "industries": ["28.13"],
            "status": "published",
        }))
        .await
        .map_err(|e| anyhow::anyhow!("company: {e}"))?;
    let created: serde_json::Value = response.json().await?;
    let company = created["id"]
        .as_str()
        .ok_or_else(|| anyhow::anyhow!("company answered {created}"))?
        .to_owned();
    let ids = Arc::new(ids.to_vec());
    let started = Instant::now();
    let until = started + duration;
    let sampler = {
        let every = (duration / 12).max(Duration::from_secs(5));
        std::thread::spawn(move || {
            let mut samples = Vec::new();
            while Instant::now() < until {
                samples.push((started.elapsed().as_secs(), anonymous_kb() / 1024));
                std::thread::sleep(every);
            }
            samples
        })
    };
    let tasks: Vec<_> = (0..MIXED_CLIENTS)
        .map(|c| {
            actix_web::rt::spawn(mixed_client(
                base.to_owned(),
                ids.clone(),
                token.to_owned(),
                company.clone(),
                c as u64 + 1,
                until,
            ))
        })
        .collect();
    let mut total = Mixed::default();
    for task in tasks {
        let seen = task.await.expect("client finished");
        for (kind, (count, latencies)) in seen.by_kind.into_iter().enumerate() {
            total.by_kind[kind].0 += count;
            total.by_kind[kind].1.extend(latencies);
        }
        total.failures.extend(seen.failures);
        total.created += seen.created;
        total.deferred += seen.deferred;
        total.unfinished += seen.unfinished;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let samples = sampler.join().expect("sampler");
    let stored = {
        let company = company.clone();
        db.blocking(move |conn| {
            Ok(persistence::products::of_company(conn, &company, None, i64::MAX)?.len())
        })?
    };
    let served: usize = total.by_kind.iter().map(|(n, _)| n).sum();
    println!(
        "mixed traffic: {MIXED_CLIENTS} clients, {elapsed:.0} s, {served} requests served ({:.0}/s), {} failed; {} answers were 503 with Retry-After, waited out and sent again; {} requests were still told to wait when the run ended",
        served as f64 / elapsed,
        total.failures.len(),
        total.deferred,
        total.unfinished
    );
    println!("| Kind | Requests | p50 (ms) | p99 (ms) |");
    println!("| --- | ---: | ---: | ---: |");
    for (kind, (count, mut latencies)) in total.by_kind.into_iter().enumerate() {
        latencies.sort_unstable();
        let percentile = |p: f64| {
            latencies
                .get(((latencies.len() as f64 * p).ceil() as usize).saturating_sub(1))
                .map_or(f64::NAN, |&us| f64::from(us) / 1000.0)
        };
        println!(
            "| {} | {count} | {:.1} | {:.1} |",
            KINDS[kind],
            percentile(0.5),
            percentile(0.99)
        );
    }
    for failure in total.failures.iter().take(10) {
        println!("failure: {failure}");
    }
    println!(
        "writes: {} products answered 201, {stored} stored{}",
        total.created,
        if stored == total.created {
            " (none lost)"
        } else {
            " (MISMATCH)"
        }
    );
    let series: Vec<String> = samples
        .iter()
        .map(|(at, mb)| format!("{at} s: {mb} MB"))
        .collect();
    println!("anonymous memory: {}", series.join(", "));
    Ok(())
}

/// Signs the benchmark's administrator in; returns the access token.
async fn log_in(base: &str) -> anyhow::Result<String> {
    let mut response = awc::Client::default()
        .post(format!("{base}/v1/auth/login"))
        .send_json(&serde_json::json!({"email": ADMIN, "password": PASSWORD}))
        .await
        .map_err(|e| anyhow::anyhow!("login: {e}"))?;
    let body: serde_json::Value = response
        .json()
        .await
        .map_err(|e| anyhow::anyhow!("login: {e}"))?;
    body["access_token"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| anyhow::anyhow!("login answered {body}"))
}

fn main() -> anyhow::Result<()> {
    let url = std::env::var("PARTNERNET_BENCH_DATABASE_URL").unwrap_or_else(|_| {
        let home = std::env::var("HOME").unwrap_or_else(|_| ".".into());
        format!("sqlite://{home}/.cache/partnernet/bench/bench.db")
    });
    let config = PoolConfig {
        url: DatabaseUrl::parse(&url)?,
        max_size: 16,
        acquire_timeout: Duration::from_secs(10),
    };
    let db = prepare_database(&config, false)?;
    // One index per backend, kept between runs like the database.
    let index_dir = std::env::var("PARTNERNET_BENCH_INDEX_DIR").map_or_else(
        |_| {
            let home = std::env::var("HOME").unwrap_or_else(|_| ".".into());
            let backend = url.split("://").next().unwrap_or_default();
            PathBuf::from(format!("{home}/.cache/partnernet/bench/index-{backend}"))
        },
        PathBuf::from,
    );
    let ids = db.blocking(|conn| {
        let count = persistence::companies::count(conn)? as usize;
        if count < COMPANIES {
            eprintln!(
                "seeding {} synthetic companies with their products ...",
                COMPANIES - count
            );
            let started = Instant::now();
            api::seed::synthetic(conn, COMPANIES - count, SEED)?;
            eprintln!("seeded in {:.1} s", started.elapsed().as_secs_f64());
        }
        let ids = persistence::companies::sample_published_ids(conn, 1_000)?;
        opportunities(conn, &ids)?;
        if persistence::users::find_by_email(conn, ADMIN)?.is_none() {
            api::accounts::create(
                conn,
                &api::accounts::NewAccount {
                    email: ADMIN,
                    password: PASSWORD,
                    name: "Benchmark",
                    language: Language::De,
                    admin: true,
                },
            )?;
        }
        Ok(ids)
    })?;

    actix_web::rt::System::new().block_on(async move {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let auth = Auth::new(
            b"benchmark secret of at least thirty-two bytes",
            ThrottleLimits::default(),
        )?;
        let started = Instant::now();
        let index = Arc::new(SearchIndex::open(&index_dir, db.pool().clone())?);
        while !index.is_ready() {
            actix_web::rt::time::sleep(Duration::from_millis(20)).await;
        }
        println!(
            "search index {} in {:.1} s ({})",
            if index.was_rebuilt() {
                "built"
            } else {
                "opened"
            },
            started.elapsed().as_secs_f64(),
            index_dir.display()
        );
        let checker = db.clone();
        let app = Application::build(
            db,
            index,
            auth,
            listener,
            api::ServerOptions {
                workers: Some(2),
                targets: api::webhooks::Targets {
                    allow_private: false,
                },
                // The benchmark's clients share one address and measure throughput.
                rate_limits: api::rate_limit::RateLimits::NONE,
                cors_origins: Vec::new(),
                metrics: api::metrics::MetricsAccess::default(),
            },
        )?;
        let base = format!("http://127.0.0.1:{}", app.port());
        actix_web::rt::spawn(app.run_until_stopped());

        let token = log_in(&base).await?;
        if let Some(seconds) = std::env::var("PARTNERNET_BENCH_MIXED_SECONDS")
            .ok()
            .and_then(|s| s.parse().ok())
        {
            println!("backend: {}", url.split("://").next().unwrap_or_default());
            return mixed(&base, &checker, &ids, &token, Duration::from_secs(seconds)).await;
        }
        let only = std::env::var("PARTNERNET_BENCH_ONLY").unwrap_or_default();
        let duration = measure_for();
        println!("backend: {}", url.split("://").next().unwrap_or_default());
        println!(
            "| Request | Clients | Requests | Throughput (req/s) | p50 (ms) | p99 (ms) | Errors |"
        );
        println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for scenario in scenarios(&ids, &token) {
            if !scenario.name.contains(only.as_str()) {
                continue;
            }
            for clients in CONCURRENCY {
                let f = run(&base, &scenario, clients, duration).await;
                println!(
                    "| {} | {clients} | {} | {:.0} | {:.1} | {:.1} | {} |",
                    scenario.name, f.requests, f.per_second, f.p50_ms, f.p99_ms, f.errors
                );
            }
        }
        if "export".contains(only.as_str()) || only.contains("export") {
            export_once(&base, &token).await?;
        }
        println!("server memory after the run: {}", memory());
        println!("index on disk: {} MB", megabytes(&index_dir));
        Ok(())
    })
}
