//! Delivering webhooks in the background of every server: plan batches of change-log entries
//! into deliveries (`persistence::webhooks`), send each signed (Standard Webhooks), retry with
//! backoff and jitter for a day, then pause the subscription and tell its organisation.

pub mod signature;
pub mod target;

use std::time::Duration;

use awc::http::header::CONTENT_TYPE;
use chrono::Utc;
use domain::retry::Backoff;
use domain::webhook::WebhookUrl;
use persistence::changes;
use persistence::webhooks::{self, DeliveryRow, Failure, WebhookRow};

use crate::db::Db;
use crate::error::ApiError;
use crate::policy;
use crate::routes::changes::represent;
use crate::routes::webhooks::{ChangeBatch, WebhookPayload};
pub use target::Targets;

/// Change-log entries in one delivery at most.
pub const BATCH_ENTRIES: i64 = 100;
/// The shortest a server may hold a delivery it sends: longer than one delivery may take, so
/// no other server takes over a batch that is still being sent.
pub const MIN_LEASE_SECONDS: u64 = target::DELIVERY_TIMEOUT.as_secs() + 5;

/// What one round of sending did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    pub delivered: usize,
    pub retrying: usize,
    pub failed: usize,
}

impl Round {
    fn attempts(&self) -> usize {
        self.delivered + self.retrying + self.failed
    }
}

/// Whether the subscription's organisation still holds keys (a verified multiplier
/// institution); if not, the subscription is paused saying why, and resumes only once the
/// organisation is verified again and a key resumes it.
fn still_held(conn: &mut persistence::DbConn, webhook: &WebhookRow) -> Result<bool, ApiError> {
    let holder = webhooks::holder(conn, webhook)?;
    if policy::holds_keys(&holder.kind, holder.verified) {
        return Ok(true);
    }
    webhooks::pause(
        conn,
        &webhook.id,
        "the organisation is no longer a verified multiplier institution",
    )?;
    Ok(false)
}

/// Plans and sends the deliveries of every subscription.
#[derive(Clone)]
pub struct Dispatcher {
    db: Db,
    client: awc::Client,
    targets: Targets,
    retry: Backoff,
    lease: Duration,
}

impl std::fmt::Debug for Dispatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dispatcher")
            .field("targets", &self.targets)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

impl Dispatcher {
    /// A dispatcher that holds each delivery it sends for `lease`, which should be at least
    /// [`MIN_LEASE_SECONDS`] (the server's setting enforces it).
    pub fn new(db: Db, targets: Targets, retry: Backoff, lease: Duration) -> Self {
        Self {
            db,
            client: targets.client(),
            targets,
            retry,
            lease,
        }
    }

    /// Turns the change-log entries each active subscription has not yet got into its next
    /// delivery (one per subscription, so batches arrive in order). Returns how many it
    /// planned.
    pub async fn plan_due(&self) -> Result<usize, ApiError> {
        self.db
            .run(|conn| {
                // The log's last position first: every entry up to it is committed, so a
                // subscription none of whose entities changed may skip to it.
                let latest = changes::latest(conn)?;
                let mut planned = 0;
                for webhook in webhooks::due_for_planning(conn, latest)? {
                    if !still_held(conn, &webhook)? {
                        continue;
                    }
                    let entities: Vec<&str> = webhook.entity_names().collect();
                    let from = webhook.planned_through;
                    let entries = changes::of_entities_after(conn, &entities, from, BATCH_ENTRIES)?;
                    let through = match entries.last() {
                        Some(last) if entries.len() as i64 == BATCH_ENTRIES => last.seq,
                        _ => latest,
                    };
                    let delivery = match (entries.first(), entries.last()) {
                        (Some(first), Some(last)) => {
                            let (first_seq, last_seq) = (first.seq, last.seq);
                            let items = represent(conn, entries, webhook.with_contacts)?;
                            let count = i32::try_from(items.len()).unwrap_or(i32::MAX);
                            let payload = WebhookPayload::new(ChangeBatch {
                                first_seq,
                                last_seq,
                                items,
                            });
                            let body =
                                serde_json::to_string(&payload).map_err(ApiError::internal)?;
                            Some(DeliveryRow::new(
                                &webhook.id,
                                first_seq,
                                last_seq,
                                count,
                                body,
                            ))
                        }
                        _ => None,
                    };
                    if webhooks::plan(conn, &webhook.id, from, through, delivery.as_ref())?
                        && delivery.is_some()
                    {
                        planned += 1;
                    }
                }
                Ok(planned)
            })
            .await
    }

    /// Sends, one at a time, every delivery due when the round starts; one that fails now is
    /// left for a later round.
    pub async fn deliver_due(&self) -> Result<Round, ApiError> {
        let started = persistence::clock::now();
        let mut round = Round::default();
        loop {
            let lease = self.lease;
            let claimed = self
                .db
                .run(move |conn| Ok(webhooks::claim_next(conn, started, lease)?))
                .await?;
            let Some((delivery, webhook)) = claimed else {
                return Ok(round);
            };
            let held = webhook.clone();
            if !self.db.run(move |conn| still_held(conn, &held)).await? {
                continue;
            }
            let outcome = self.send(&delivery, &webhook).await;
            match outcome {
                Ok(status) => {
                    round.delivered += 1;
                    let id = delivery.id.clone();
                    self.db
                        .run(move |conn| Ok(webhooks::mark_delivered(conn, &id, status)?))
                        .await?;
                }
                Err((status_code, error)) => {
                    let failed = u32::try_from(delivery.attempts).unwrap_or(0) + 1;
                    let retry_at = self.retry.next_attempt(
                        delivery.first_attempt_at,
                        failed,
                        persistence::clock::now(),
                        fastrand::f64(),
                    );
                    if retry_at.is_some() {
                        round.retrying += 1;
                        tracing::warn!(delivery = %delivery.id, webhook = %webhook.id, attempt = failed, %error, "webhook not delivered; will try again");
                    } else {
                        round.failed += 1;
                        tracing::error!(delivery = %delivery.id, webhook = %webhook.id, attempt = failed, %error, "webhook deliveries keep failing; subscription paused");
                    }
                    self.db
                        .run(move |conn| {
                            let failure = Failure {
                                status_code,
                                error: &error,
                            };
                            Ok(webhooks::mark_failed(
                                conn, &delivery, &webhook, &failure, retry_at,
                            )?)
                        })
                        .await?;
                }
            }
        }
    }

    /// One attempt: the receiver's status code when it answered 2xx, else what it answered
    /// (if anything) and why the attempt failed.
    async fn send(
        &self,
        delivery: &DeliveryRow,
        webhook: &WebhookRow,
    ) -> Result<i32, (Option<i32>, String)> {
        let url = WebhookUrl::parse(&webhook.url).map_err(|e| (None, e.message))?;
        self.targets
            .check(&url)
            .await
            .map_err(|e| (None, e.message))?;
        let timestamp = Utc::now().timestamp();
        let now = persistence::clock::now();
        let signature = signature::signatures(
            &webhook.signing_secrets(now),
            &delivery.id,
            timestamp,
            delivery.body.as_bytes(),
        )
        .map_err(|e| (None, e.to_string()))?;
        let response = self
            .client
            .post(url.as_str())
            .insert_header((CONTENT_TYPE, "application/json"))
            .insert_header(("webhook-id", delivery.id.as_str()))
            .insert_header(("webhook-timestamp", timestamp.to_string()))
            .insert_header(("webhook-signature", signature))
            .send_body(delivery.body.clone())
            .await
            .map_err(|e| (None, format!("the receiver could not be reached: {e}")))?;
        let status = response.status();
        let code = i32::from(status.as_u16());
        if status.is_success() {
            Ok(code)
        } else {
            Err((Some(code), format!("the receiver answered {status}")))
        }
    }

    /// Plans and sends for as long as the server runs: at once again while there is work,
    /// otherwise after `poll`.
    pub async fn run(self, poll: Duration) {
        loop {
            let planned = self.plan_due().await;
            let sent = self.deliver_due().await;
            let busy = match (planned, sent) {
                (Ok(planned), Ok(round)) => planned > 0 || round.attempts() > 0,
                (planned, sent) => {
                    if let Err(error) = planned.map(drop).and(sent.map(drop)) {
                        tracing::warn!(%error, "cannot deliver webhooks");
                    }
                    false
                }
            };
            if !busy {
                actix_web::rt::time::sleep(poll).await;
            }
        }
    }
}
