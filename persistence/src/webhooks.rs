//! Webhook subscriptions and their deliveries, which are also the delivery queue.
//!
//! A planner turns change-log entries after a subscription's `planned_through` into one
//! delivery, moving `planned_through` in the same transaction and only if no other server
//! moved it first, so a batch is planned once. At most one delivery of a subscription is
//! outstanding, so receivers get batches in order. Senders claim a due delivery for a lease
//! (`FOR UPDATE SKIP LOCKED` on PostgreSQL, a conditional update on SQLite, which has one
//! writer): two servers never hold the same one, and one that crashed leaves it due again.

use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::dsl::exists;
use diesel::prelude::*;
use domain::notification::NotificationKind;
use domain::webhook::{DeliveryStatus, WebhookStatus};

use crate::DbConn;
use crate::api_keys::Holder;
use crate::clock::now;
use crate::notifications::{self, Subject};
use crate::schema::{companies, webhook_deliveries, webhooks};

/// A subscription.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = webhooks, treat_none_as_default_value = false)]
pub struct WebhookRow {
    pub id: String,
    pub company_id: String,
    pub url: String,
    pub entities: String,
    pub with_contacts: bool,
    pub secret: String,
    pub previous_secret: Option<String>,
    pub previous_secret_until: Option<NaiveDateTime>,
    pub status: String,
    pub paused_reason: Option<String>,
    pub planned_through: i64,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// Rises with every change: of its settings, its status, or how far it is planned.
    pub version: i64,
}

impl WebhookRow {
    pub fn entity_names(&self) -> impl Iterator<Item = &str> {
        self.entities.split(',').filter(|s| !s.is_empty())
    }

    /// The secrets that sign a delivery sent `at`: the current one, and the previous one
    /// while it is still honoured after a rotation.
    pub fn signing_secrets(&self, at: NaiveDateTime) -> Vec<&str> {
        let previous = self
            .previous_secret
            .as_deref()
            .filter(|_| self.previous_secret_until.is_some_and(|until| at < until));
        std::iter::once(self.secret.as_str())
            .chain(previous)
            .collect()
    }
}

/// A delivery: a batch of change-log entries for one subscription.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = webhook_deliveries, treat_none_as_default_value = false)]
pub struct DeliveryRow {
    pub id: String,
    pub webhook_id: String,
    pub first_seq: i64,
    pub last_seq: i64,
    pub entries: i32,
    pub body: String,
    pub status: String,
    pub attempts: i32,
    pub first_attempt_at: NaiveDateTime,
    pub next_attempt_at: NaiveDateTime,
    pub claimed_until: Option<NaiveDateTime>,
    pub last_status_code: Option<i32>,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
    pub delivered_at: Option<NaiveDateTime>,
}

impl DeliveryRow {
    /// A new delivery of `entries` entries from `first_seq` to `last_seq`, due at once.
    pub fn new(
        webhook_id: &str,
        first_seq: i64,
        last_seq: i64,
        entries: i32,
        body: String,
    ) -> Self {
        let at = now();
        Self {
            id: crate::companies::new_id(),
            webhook_id: webhook_id.to_owned(),
            first_seq,
            last_seq,
            entries,
            body,
            status: DeliveryStatus::Pending.as_str().to_owned(),
            attempts: 0,
            first_attempt_at: at,
            next_attempt_at: at,
            claimed_until: None,
            last_status_code: None,
            last_error: None,
            created_at: at,
            delivered_at: None,
        }
    }
}

pub fn insert(conn: &mut DbConn, row: &WebhookRow) -> QueryResult<()> {
    diesel::insert_into(webhooks::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// The organisation's subscriptions, oldest first.
pub fn of_company(conn: &mut DbConn, company_id: &str) -> QueryResult<Vec<WebhookRow>> {
    webhooks::table
        .filter(webhooks::company_id.eq(company_id))
        .order_by(webhooks::id)
        .select(WebhookRow::as_select())
        .load(conn)
}

/// The organisation's subscription `id`.
pub fn find(conn: &mut DbConn, company_id: &str, id: &str) -> QueryResult<Option<WebhookRow>> {
    webhooks::table
        .filter(webhooks::company_id.eq(company_id))
        .filter(webhooks::id.eq(id))
        .select(WebhookRow::as_select())
        .first(conn)
        .optional()
}

/// What a subscriber changes of its subscription.
#[derive(Debug, Default, Clone, AsChangeset)]
#[diesel(table_name = webhooks)]
pub struct WebhookChanges {
    pub url: Option<String>,
    pub entities: Option<String>,
}

/// Changes where the subscription at `version` sends and what, and pauses or resumes it;
/// deliveries already planned keep their entries and go to the new address. `false`, and
/// nothing changed, when it is at another version or gone.
pub fn update(
    conn: &mut DbConn,
    id: &str,
    version: i64,
    changes: &WebhookChanges,
    status: Option<WebhookStatus>,
) -> QueryResult<bool> {
    conn.transaction(|conn| {
        let current = webhooks::table
            .find(id)
            .filter(webhooks::version.eq(version));
        let updated = diesel::update(current)
            .set((
                webhooks::version.eq(version + 1),
                webhooks::updated_at.eq(now()),
            ))
            .execute(conn)?;
        if updated == 0 {
            return Ok(false);
        }
        if changes.url.is_some() || changes.entities.is_some() {
            diesel::update(webhooks::table.find(id))
                .set(changes)
                .execute(conn)?;
        }
        let current: String = webhooks::table
            .find(id)
            .select(webhooks::status)
            .first(conn)?;
        match status {
            Some(WebhookStatus::Paused) if current != WebhookStatus::Paused.as_str() => {
                pause(conn, id, "paused by its subscriber")
            }
            Some(WebhookStatus::Active) if current != WebhookStatus::Active.as_str() => {
                resume(conn, id)
            }
            _ => Ok(()),
        }?;
        Ok(true)
    })
}

/// Pauses the subscription for `reason`: nothing is planned or sent until it is resumed.
pub fn pause(conn: &mut DbConn, id: &str, reason: &str) -> QueryResult<()> {
    diesel::update(webhooks::table.find(id))
        .set((
            webhooks::status.eq(WebhookStatus::Paused.as_str()),
            webhooks::paused_reason.eq(Some(reason)),
            webhooks::version.eq(webhooks::version + 1),
            webhooks::updated_at.eq(now()),
        ))
        .execute(conn)
        .map(drop)
}

/// Resumes the subscription where it stopped: a delivery that ran out of retries is due
/// again at once, with a fresh retry window.
fn resume(conn: &mut DbConn, id: &str) -> QueryResult<()> {
    conn.transaction(|conn| {
        let at = now();
        diesel::update(webhooks::table.find(id))
            .set((
                webhooks::status.eq(WebhookStatus::Active.as_str()),
                webhooks::paused_reason.eq(None::<String>),
                webhooks::version.eq(webhooks::version + 1),
                webhooks::updated_at.eq(at),
            ))
            .execute(conn)?;
        diesel::update(
            webhook_deliveries::table
                .filter(webhook_deliveries::webhook_id.eq(id))
                .filter(webhook_deliveries::status.eq(DeliveryStatus::Failed.as_str())),
        )
        .set((
            webhook_deliveries::status.eq(DeliveryStatus::Pending.as_str()),
            webhook_deliveries::attempts.eq(0),
            webhook_deliveries::first_attempt_at.eq(at),
            webhook_deliveries::next_attempt_at.eq(at),
            webhook_deliveries::claimed_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)
        .map(drop)
    })
}

/// Replaces the secret; the previous one keeps signing until `previous_until`.
pub fn rotate_secret(
    conn: &mut DbConn,
    id: &str,
    secret: &str,
    previous_until: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(webhooks::table.find(id))
        .set((
            webhooks::previous_secret.eq(webhooks::secret.nullable()),
            webhooks::previous_secret_until.eq(Some(previous_until)),
            webhooks::secret.eq(secret),
            webhooks::version.eq(webhooks::version + 1),
            webhooks::updated_at.eq(now()),
        ))
        .execute(conn)
        .map(drop)
}

/// Removes the organisation's subscription `id` with its deliveries; `false` if it has none.
pub fn delete(conn: &mut DbConn, company_id: &str, id: &str) -> QueryResult<bool> {
    conn.transaction(|conn| {
        diesel::delete(webhook_deliveries::table.filter(webhook_deliveries::webhook_id.eq(id)))
            .execute(conn)?;
        let removed = diesel::delete(
            webhooks::table
                .filter(webhooks::company_id.eq(company_id))
                .filter(webhooks::id.eq(id)),
        )
        .execute(conn)?;
        Ok(removed > 0)
    })
}

/// A subscription's deliveries, newest first, before delivery `before`.
pub fn deliveries(
    conn: &mut DbConn,
    webhook_id: &str,
    before: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<DeliveryRow>> {
    let mut query = webhook_deliveries::table
        .filter(webhook_deliveries::webhook_id.eq(webhook_id))
        .order_by(webhook_deliveries::id.desc())
        .limit(limit)
        .select(DeliveryRow::as_select())
        .into_boxed();
    if let Some(before) = before {
        query = query.filter(webhook_deliveries::id.lt(before.to_owned()));
    }
    query.load(conn)
}

/// The organisation holding the subscription, as far as the right to hold keys (and so
/// webhooks) goes.
pub fn holder(conn: &mut DbConn, webhook: &WebhookRow) -> QueryResult<Holder> {
    companies::table
        .find(&webhook.company_id)
        .select((companies::kind, companies::verified))
        .first(conn)
}

/// Active subscriptions behind `latest` with no delivery outstanding: the next batch of each
/// may be planned.
pub fn due_for_planning(conn: &mut DbConn, latest: i64) -> QueryResult<Vec<WebhookRow>> {
    let outstanding = webhook_deliveries::table
        .filter(webhook_deliveries::webhook_id.eq(webhooks::id))
        .filter(webhook_deliveries::status.ne(DeliveryStatus::Delivered.as_str()));
    webhooks::table
        .filter(webhooks::status.eq(WebhookStatus::Active.as_str()))
        .filter(webhooks::planned_through.lt(latest))
        .filter(diesel::dsl::not(exists(outstanding)))
        .order_by(webhooks::id)
        .select(WebhookRow::as_select())
        .load(conn)
}

/// Moves the subscription's `planned_through` from `from` to `through`, queueing `delivery`
/// (none when no entry in between concerns it). `false`, and nothing written, when another
/// server planned from `from` first.
pub fn plan(
    conn: &mut DbConn,
    webhook_id: &str,
    from: i64,
    through: i64,
    delivery: Option<&DeliveryRow>,
) -> QueryResult<bool> {
    conn.transaction(|conn| {
        let moved = diesel::update(
            webhooks::table
                .filter(webhooks::id.eq(webhook_id))
                .filter(webhooks::planned_through.eq(from)),
        )
        .set((
            webhooks::planned_through.eq(through),
            webhooks::version.eq(webhooks::version + 1),
        ))
        .execute(conn)?;
        if moved == 1
            && let Some(delivery) = delivery
        {
            diesel::insert_into(webhook_deliveries::table)
                .values(delivery)
                .execute(conn)?;
        }
        Ok(moved == 1)
    })
}

/// Claims for `lease` the delivery due longest by `due_by` of an active subscription, with the
/// subscription, or `None` when none is due.
pub fn claim_next(
    conn: &mut DbConn,
    due_by: NaiveDateTime,
    lease: Duration,
) -> QueryResult<Option<(DeliveryRow, WebhookRow)>> {
    let at = now();
    let until = at + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::MAX);
    let active = webhooks::table
        .filter(webhooks::status.eq(WebhookStatus::Active.as_str()))
        .select(webhooks::id);
    let due = webhook_deliveries::status
        .eq(DeliveryStatus::Pending.as_str())
        .and(webhook_deliveries::next_attempt_at.le(due_by))
        .and(
            webhook_deliveries::claimed_until
                .is_null()
                .or(webhook_deliveries::claimed_until.le(at)),
        )
        .and(webhook_deliveries::webhook_id.eq_any(active));
    let claimed: Option<String> = match conn {
        DbConn::Postgresql(pg) => pg.transaction(|pg| {
            // Rows another server holds locked are skipped, not waited for.
            let id = webhook_deliveries::table
                .filter(due)
                .order_by((webhook_deliveries::next_attempt_at, webhook_deliveries::id))
                .select(webhook_deliveries::id)
                .limit(1)
                .for_update()
                .skip_locked()
                .first::<String>(pg)
                .optional()?;
            if let Some(id) = &id {
                diesel::update(webhook_deliveries::table.find(id))
                    .set(webhook_deliveries::claimed_until.eq(Some(until)))
                    .execute(pg)?;
            }
            QueryResult::Ok(id)
        })?,
        DbConn::Sqlite(lite) => loop {
            let Some(id) = webhook_deliveries::table
                .filter(due)
                .order_by((webhook_deliveries::next_attempt_at, webhook_deliveries::id))
                .select(webhook_deliveries::id)
                .first::<String>(lite)
                .optional()?
            else {
                break None;
            };
            let taken = diesel::update(
                webhook_deliveries::table
                    .filter(webhook_deliveries::id.eq(&id))
                    .filter(due),
            )
            .set(webhook_deliveries::claimed_until.eq(Some(until)))
            .execute(lite)?;
            if taken == 1 {
                break Some(id);
            }
            // Another server claimed it between the two statements: look for the next one.
        },
    };
    let Some(id) = claimed else {
        return Ok(None);
    };
    webhook_deliveries::table
        .inner_join(webhooks::table)
        .filter(webhook_deliveries::id.eq(id))
        .select((DeliveryRow::as_select(), WebhookRow::as_select()))
        .first(conn)
        .optional()
}

/// Records that the receiver took the delivery.
pub fn mark_delivered(conn: &mut DbConn, id: &str, status_code: i32) -> QueryResult<()> {
    let at = now();
    diesel::update(webhook_deliveries::table.find(id))
        .set((
            webhook_deliveries::status.eq(DeliveryStatus::Delivered.as_str()),
            webhook_deliveries::attempts.eq(webhook_deliveries::attempts + 1),
            webhook_deliveries::claimed_until.eq(None::<NaiveDateTime>),
            webhook_deliveries::last_status_code.eq(Some(status_code)),
            webhook_deliveries::last_error.eq(None::<String>),
            webhook_deliveries::delivered_at.eq(Some(at)),
        ))
        .execute(conn)
        .map(drop)
}

/// A failed attempt: what the receiver answered, if anything, and why it failed.
#[derive(Debug, Clone)]
pub struct Failure<'a> {
    pub status_code: Option<i32>,
    pub error: &'a str,
}

/// Records a failed attempt: due again at `retry_at`; or, when `None`, failed for good, the
/// subscription paused and its organisation's members told, in one transaction.
pub fn mark_failed(
    conn: &mut DbConn,
    delivery: &DeliveryRow,
    webhook: &WebhookRow,
    failure: &Failure<'_>,
    retry_at: Option<NaiveDateTime>,
) -> QueryResult<()> {
    conn.transaction(|conn| {
        let status = match retry_at {
            Some(_) => DeliveryStatus::Pending,
            None => DeliveryStatus::Failed,
        };
        diesel::update(webhook_deliveries::table.find(&delivery.id))
            .set((
                webhook_deliveries::status.eq(status.as_str()),
                webhook_deliveries::attempts.eq(webhook_deliveries::attempts + 1),
                webhook_deliveries::claimed_until.eq(None::<NaiveDateTime>),
                webhook_deliveries::last_status_code.eq(failure.status_code),
                webhook_deliveries::last_error.eq(Some(failure.error)),
                webhook_deliveries::next_attempt_at.eq(retry_at.unwrap_or_else(now)),
            ))
            .execute(conn)?;
        if retry_at.is_none() {
            pause(
                conn,
                &webhook.id,
                &format!("deliveries failed until retries ran out: {}", failure.error),
            )?;
            notifications::notify_members(
                conn,
                &webhook.company_id,
                NotificationKind::WebhookPaused,
                Subject::Name(&webhook.url),
                &format!("/v1/webhooks/{}", webhook.id),
            )?;
        }
        Ok(())
    })
}

/// Removes deliveries that were delivered before `before`; returns how many.
pub fn prune_delivered(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(
        webhook_deliveries::table
            .filter(webhook_deliveries::status.eq(DeliveryStatus::Delivered.as_str()))
            .filter(webhook_deliveries::delivered_at.lt(before)),
    )
    .execute(conn)
}
