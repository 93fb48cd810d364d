//! E-mails waiting to be sent. `notifications::notify_members` writes one per notification in
//! the transaction of the change it tells of; a sender claims one at a time for a lease, so two
//! servers never hold the same e-mail and one that crashed mid-send leaves it due again.

use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::DbConn;
use crate::clock::now;
use crate::schema::mail_outbox;

/// A new e-mail, due at once. Every column is set: PostgreSQL's `COPY` takes no defaults.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = mail_outbox, treat_none_as_default_value = false)]
pub(crate) struct NewMail {
    pub id: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub claimed_until: Option<NaiveDateTime>,
    pub sent_at: Option<NaiveDateTime>,
    pub given_up_at: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
}

impl NewMail {
    pub(crate) fn new(id: String, recipient: String, subject: String, body: String) -> Self {
        let at = now();
        Self {
            id,
            recipient,
            subject,
            body,
            attempts: 0,
            next_attempt_at: at,
            claimed_until: None,
            sent_at: None,
            given_up_at: None,
            last_error: None,
            created_at: at,
        }
    }
}

/// An e-mail a sender holds.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = mail_outbox)]
pub struct Mail {
    /// The notification's id.
    pub id: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    /// Attempts before this one.
    pub attempts: i32,
    pub created_at: NaiveDateTime,
}

pub(crate) fn enqueue(conn: &mut DbConn, mails: &[NewMail]) -> QueryResult<()> {
    crate::bulk_insert!(conn, mail_outbox::table, mails, 500)
}

/// Claims for `lease` the e-mail due longest by `due_by`, or `None` when none is. The claim is
/// an update conditional on the row still being free, so of two servers only one gets it.
pub fn claim_next(
    conn: &mut DbConn,
    due_by: NaiveDateTime,
    lease: Duration,
) -> QueryResult<Option<Mail>> {
    let at = now();
    let until = at + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::MAX);
    loop {
        let free = || {
            mail_outbox::sent_at
                .is_null()
                .and(mail_outbox::given_up_at.is_null())
                .and(mail_outbox::next_attempt_at.le(due_by))
                .and(
                    mail_outbox::claimed_until
                        .is_null()
                        .or(mail_outbox::claimed_until.le(at)),
                )
        };
        let Some(id) = mail_outbox::table
            .filter(free())
            .order_by((mail_outbox::next_attempt_at, mail_outbox::id))
            .select(mail_outbox::id)
            .first::<String>(conn)
            .optional()?
        else {
            return Ok(None);
        };
        let claimed = diesel::update(
            mail_outbox::table
                .filter(mail_outbox::id.eq(&id))
                .filter(free()),
        )
        .set(mail_outbox::claimed_until.eq(Some(until)))
        .execute(conn)?;
        if claimed == 1 {
            return mail_outbox::table
                .find(&id)
                .select(Mail::as_select())
                .first(conn)
                .map(Some);
        }
        // Another sender claimed it between the two statements: look for the next one.
    }
}

/// Records that the e-mail was handed to the mail server.
pub fn mark_sent(conn: &mut DbConn, id: &str) -> QueryResult<()> {
    diesel::update(mail_outbox::table.find(id))
        .set((
            mail_outbox::sent_at.eq(Some(now())),
            mail_outbox::attempts.eq(mail_outbox::attempts + 1),
            mail_outbox::claimed_until.eq(None::<NaiveDateTime>),
            mail_outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)
        .map(drop)
}

/// Records a failed attempt: due again at `retry_at`, or given up for good when `None`.
pub fn mark_failed(
    conn: &mut DbConn,
    id: &str,
    error: &str,
    retry_at: Option<NaiveDateTime>,
) -> QueryResult<()> {
    let at = now();
    diesel::update(mail_outbox::table.find(id))
        .set((
            mail_outbox::attempts.eq(mail_outbox::attempts + 1),
            mail_outbox::claimed_until.eq(None::<NaiveDateTime>),
            mail_outbox::last_error.eq(Some(error)),
            mail_outbox::next_attempt_at.eq(retry_at.unwrap_or(at)),
            mail_outbox::given_up_at.eq(retry_at.is_none().then_some(at)),
        ))
        .execute(conn)
        .map(drop)
}
