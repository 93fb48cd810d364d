//! Partnership proposals and their threads. Only their two organisations see them; callers
//! decide who that is (the API's policy module).

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::dsl::{count_star, min};
use diesel::prelude::*;
use domain::notification::NotificationKind;
use domain::partnership::{PartnershipStatus, Side, Transition, pair_key};

use crate::DbConn;
use crate::clock::now;
use crate::companies::new_id;
use crate::notifications::{Subject, notify_members};
use crate::schema::{companies, partnership_steps, partnerships, users};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = partnerships, treat_none_as_default_value = false)]
pub struct PartnershipRow {
    pub id: String,
    pub proposer_id: String,
    pub receiver_id: String,
    pub pair_key: String,
    pub kind: String,
    pub status: String,
    pub opportunity_id: Option<String>,
    pub event_id: Option<String>,
    pub proposed_by: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = partnership_steps, treat_none_as_default_value = false)]
pub struct StepRow {
    pub partnership_id: String,
    pub position: i32,
    pub step: String,
    pub side: String,
    pub user_id: Option<String>,
    pub message: Option<String>,
    pub at: NaiveDateTime,
}

/// A step with the name of the user who took it, while the account exists.
#[derive(Debug, Clone)]
pub struct Step {
    pub row: StepRow,
    pub user_name: Option<String>,
}

/// A partnership with its organisations' names and its whole thread.
#[derive(Debug, Clone)]
pub struct Partnership {
    pub row: PartnershipRow,
    pub proposer_name: String,
    pub receiver_name: String,
    pub thread: Vec<Step>,
}

/// A proposal as the proposing side makes it.
#[derive(Debug, Clone)]
pub struct NewProposal<'a> {
    pub proposer_id: &'a str,
    pub receiver_id: &'a str,
    pub kind: &'a str,
    pub message: Option<String>,
    pub opportunity_id: Option<String>,
    pub event_id: Option<String>,
    pub user_id: &'a str,
}

pub fn side_name(side: Side) -> &'static str {
    match side {
        Side::Proposer => "proposer",
        Side::Receiver => "receiver",
    }
}

/// The open proposal between two organisations, whichever proposed it.
/// How many partnerships there are in each status, never who the parties are.
pub fn count_by_status(conn: &mut DbConn) -> QueryResult<Vec<(String, i64)>> {
    partnerships::table
        .group_by(partnerships::status)
        .select((partnerships::status, diesel::dsl::count_star()))
        .order_by(partnerships::status.asc())
        .load(conn)
}

pub fn open_between(conn: &mut DbConn, a: &str, b: &str) -> QueryResult<Option<String>> {
    partnerships::table
        .filter(partnerships::pair_key.eq(pair_key(a, b)))
        .filter(partnerships::status.eq(PartnershipStatus::Proposed.as_str()))
        .select(partnerships::id)
        .first(conn)
        .optional()
}

/// How many proposals `user_id` made since `since`, and when the oldest of them was made.
pub fn proposed_since(
    conn: &mut DbConn,
    user_id: &str,
    since: NaiveDateTime,
) -> QueryResult<(i64, Option<NaiveDateTime>)> {
    partnerships::table
        .filter(partnerships::proposed_by.eq(user_id))
        .filter(partnerships::created_at.gt(since))
        .select((count_star(), min(partnerships::created_at)))
        .first(conn)
}

/// Stores a proposal with the first step of its thread; returns its id. A second open
/// proposal of the same pair fails on the unique index.
pub fn propose(conn: &mut DbConn, new: &NewProposal<'_>) -> QueryResult<String> {
    let at = now();
    let id = new_id();
    conn.transaction(|conn| {
        diesel::insert_into(partnerships::table)
            .values(&PartnershipRow {
                id: id.clone(),
                proposer_id: new.proposer_id.to_owned(),
                receiver_id: new.receiver_id.to_owned(),
                pair_key: pair_key(new.proposer_id, new.receiver_id),
                kind: new.kind.to_owned(),
                status: PartnershipStatus::Proposed.as_str().to_owned(),
                opportunity_id: new.opportunity_id.clone(),
                event_id: new.event_id.clone(),
                proposed_by: Some(new.user_id.to_owned()),
                created_at: at,
                updated_at: at,
            })
            .execute(conn)?;
        diesel::insert_into(partnership_steps::table)
            .values(&StepRow {
                partnership_id: id.clone(),
                position: 0,
                step: "propose".into(),
                side: side_name(Side::Proposer).into(),
                user_id: Some(new.user_id.to_owned()),
                message: new.message.clone(),
                at,
            })
            .execute(conn)?;
        let kind = if new.opportunity_id.is_some() {
            NotificationKind::InterestExpressed
        } else {
            NotificationKind::PartnershipProposed
        };
        let proposer = name_of(conn, new.proposer_id)?;
        notify_members(
            conn,
            new.receiver_id,
            kind,
            Subject::Name(&proposer),
            &format!("/v1/partnerships/{id}"),
        )?;
        Ok(id.clone())
    })
}

fn name_of(conn: &mut DbConn, company_id: &str) -> QueryResult<String> {
    companies::table
        .find(company_id)
        .select(companies::name)
        .first(conn)
}

/// A step as it is taken: which, by which side, from which status to which.
#[derive(Debug, Clone, Copy)]
pub struct Taken {
    pub transition: Transition,
    pub side: Side,
    pub from: PartnershipStatus,
    pub to: PartnershipStatus,
}

/// One step: the partnership moves from `taken.from` to `taken.to`, the step joins the thread,
/// and the other side's members are told. `false` when the partnership is no longer at
/// `taken.from` (the other side took a step first).
pub fn step(
    conn: &mut DbConn,
    id: &str,
    taken: Taken,
    user_id: &str,
    message: Option<String>,
) -> QueryResult<bool> {
    let Taken {
        transition,
        side,
        from,
        to,
    } = taken;
    let at = now();
    conn.transaction(|conn| {
        let moved = diesel::update(
            partnerships::table
                .find(id)
                .filter(partnerships::status.eq(from.as_str())),
        )
        .set((
            partnerships::status.eq(to.as_str()),
            partnerships::updated_at.eq(at),
        ))
        .execute(conn)?;
        if moved == 0 {
            return Ok(false);
        }
        let position: Option<i32> = partnership_steps::table
            .filter(partnership_steps::partnership_id.eq(id))
            .select(diesel::dsl::max(partnership_steps::position))
            .first(conn)?;
        diesel::insert_into(partnership_steps::table)
            .values(&StepRow {
                partnership_id: id.to_owned(),
                position: position.map_or(0, |p| p + 1),
                step: transition.as_str().to_owned(),
                side: side_name(side).to_owned(),
                user_id: Some(user_id.to_owned()),
                message,
                at,
            })
            .execute(conn)?;
        let (proposer_id, receiver_id): (String, String) = partnerships::table
            .find(id)
            .select((partnerships::proposer_id, partnerships::receiver_id))
            .first(conn)?;
        let (acting, other) = match side {
            Side::Proposer => (proposer_id, receiver_id),
            Side::Receiver => (receiver_id, proposer_id),
        };
        let kind = match transition {
            Transition::Accept => NotificationKind::PartnershipAccepted,
            Transition::Decline => NotificationKind::PartnershipDeclined,
            Transition::Withdraw => NotificationKind::PartnershipWithdrawn,
            Transition::End => NotificationKind::PartnershipEnded,
        };
        let acting = name_of(conn, &acting)?;
        notify_members(
            conn,
            &other,
            kind,
            Subject::Name(&acting),
            &format!("/v1/partnerships/{id}"),
        )?;
        Ok(true)
    })
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Partnership>> {
    let row: Option<PartnershipRow> = partnerships::table
        .find(id)
        .select(PartnershipRow::as_select())
        .first(conn)
        .optional()?;
    Ok(with_details(conn, row.into_iter().collect())?.pop())
}

/// Which of an organisation's partnerships a list shows.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub status: Option<PartnershipStatus>,
    /// `Proposer`: those the organisations proposed; `Receiver`: those proposed to them.
    pub direction: Option<Side>,
    pub counterpart: Option<String>,
}

/// The partnerships of the organisations `company_ids`, in the order they were proposed,
/// after `after`.
pub fn of_companies(
    conn: &mut DbConn,
    company_ids: &[String],
    filter: &Filter,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<Partnership>> {
    let mut query = partnerships::table
        .select(PartnershipRow::as_select())
        .order_by(partnerships::id.asc())
        .limit(limit)
        .into_boxed();
    query = match filter.direction {
        Some(Side::Proposer) => query.filter(partnerships::proposer_id.eq_any(company_ids)),
        Some(Side::Receiver) => query.filter(partnerships::receiver_id.eq_any(company_ids)),
        None => query.filter(
            partnerships::proposer_id
                .eq_any(company_ids)
                .or(partnerships::receiver_id.eq_any(company_ids)),
        ),
    };
    if let Some(status) = filter.status {
        query = query.filter(partnerships::status.eq(status.as_str()));
    }
    if let Some(counterpart) = &filter.counterpart {
        query = query.filter(
            partnerships::proposer_id
                .eq(counterpart)
                .or(partnerships::receiver_id.eq(counterpart)),
        );
    }
    if let Some(after) = after {
        query = query.filter(partnerships::id.gt(after.to_owned()));
    }
    let rows = query.load(conn)?;
    with_details(conn, rows)
}

fn with_details(conn: &mut DbConn, rows: Vec<PartnershipRow>) -> QueryResult<Vec<Partnership>> {
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let company_ids: Vec<&str> = rows
        .iter()
        .flat_map(|r| [r.proposer_id.as_str(), r.receiver_id.as_str()])
        .collect();
    let names: HashMap<String, String> = companies::table
        .filter(companies::id.eq_any(&company_ids))
        .select((companies::id, companies::name))
        .load(conn)?
        .into_iter()
        .collect();
    let mut threads: HashMap<String, Vec<Step>> = HashMap::new();
    let steps: Vec<(StepRow, Option<String>)> = partnership_steps::table
        .left_join(users::table)
        .filter(partnership_steps::partnership_id.eq_any(&ids))
        .order_by(partnership_steps::position.asc())
        .select((StepRow::as_select(), users::name.nullable()))
        .load(conn)?;
    for (row, user_name) in steps {
        threads
            .entry(row.partnership_id.clone())
            .or_default()
            .push(Step { row, user_name });
    }
    let name = |id: &str| names.get(id).cloned().unwrap_or_default();
    Ok(rows
        .into_iter()
        .map(|row| Partnership {
            proposer_name: name(&row.proposer_id),
            receiver_name: name(&row.receiver_id),
            thread: threads.remove(&row.id).unwrap_or_default(),
            row,
        })
        .collect())
}
