//! Notifications of users. They are written by the persistence functions of the changes they
//! tell of (proposals and their steps, places from the waiting list, cancelled events), in
//! the same transaction, so no handler can forget one and none exists without its change; each
//! also goes into the mail outbox there.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::language::{Language, LocalizedText};
use domain::notification::NotificationKind;

use crate::DbConn;
use crate::clock::now;
use crate::companies::new_id;
use crate::mail_outbox::{self, NewMail};
use crate::schema::{company_members, notifications, users};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = notifications, treat_none_as_default_value = false)]
pub struct NotificationRow {
    pub id: String,
    pub user_id: String,
    pub kind: String,
    pub link: String,
    pub title: String,
    pub body: String,
    pub read_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

/// What a notification names: an organisation's name, or a text per language (an event's
/// title), shown in the recipient's language or else another.
#[derive(Debug, Clone, Copy)]
pub enum Subject<'a> {
    Name(&'a str),
    Text(&'a LocalizedText),
}

impl Subject<'_> {
    fn in_language(&self, language: Language) -> &str {
        match self {
            Subject::Name(name) => name,
            Subject::Text(text) => text.in_or_else(language).unwrap_or_default(),
        }
    }
}

/// Tells every member of `company_id` of `kind` about `subject`, linking `link`.
pub(crate) fn notify_members(
    conn: &mut DbConn,
    company_id: &str,
    kind: NotificationKind,
    subject: Subject<'_>,
    link: &str,
) -> QueryResult<()> {
    let recipients: Vec<(String, String, String)> = company_members::table
        .inner_join(users::table)
        .filter(company_members::company_id.eq(company_id))
        .select((users::id, users::email, users::language))
        .load(conn)?;
    let at = now();
    let (rows, mails): (Vec<NotificationRow>, Vec<NewMail>) = recipients
        .into_iter()
        .map(|(user_id, email, language)| {
            let language = language.parse().unwrap_or(Language::De);
            let text = kind.render(language, subject.in_language(language));
            let id = new_id();
            let mail = NewMail::new(id.clone(), email, text.title.clone(), text.body.clone());
            let row = NotificationRow {
                id,
                user_id,
                kind: kind.as_str().to_owned(),
                link: link.to_owned(),
                title: text.title,
                body: text.body,
                read_at: None,
                created_at: at,
            };
            (row, mail)
        })
        .unzip();
    crate::bulk_insert!(conn, notifications::table, &rows, 500)?;
    mail_outbox::enqueue(conn, &mails)
}

/// A user's notifications, newest first, before `before`; unread ones only with `unread`.
pub fn of_user(
    conn: &mut DbConn,
    user_id: &str,
    unread: bool,
    before: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<NotificationRow>> {
    let mut query = notifications::table
        .filter(notifications::user_id.eq(user_id))
        .select(NotificationRow::as_select())
        .order_by(notifications::id.desc())
        .limit(limit)
        .into_boxed();
    if unread {
        query = query.filter(notifications::read_at.is_null());
    }
    if let Some(before) = before {
        query = query.filter(notifications::id.lt(before.to_owned()));
    }
    query.load(conn)
}

/// How many of a user's notifications are unread.
pub fn unread_count(conn: &mut DbConn, user_id: &str) -> QueryResult<i64> {
    notifications::table
        .filter(notifications::user_id.eq(user_id))
        .filter(notifications::read_at.is_null())
        .count()
        .get_result(conn)
}

/// Marks one of the user's notifications read; `false` when the user has none of this id.
pub fn mark_read(conn: &mut DbConn, user_id: &str, id: &str) -> QueryResult<bool> {
    let found = notifications::table
        .filter(notifications::id.eq(id))
        .filter(notifications::user_id.eq(user_id))
        .count()
        .get_result::<i64>(conn)?;
    diesel::update(
        notifications::table
            .filter(notifications::id.eq(id))
            .filter(notifications::user_id.eq(user_id))
            .filter(notifications::read_at.is_null()),
    )
    .set(notifications::read_at.eq(Some(now())))
    .execute(conn)?;
    Ok(found > 0)
}
