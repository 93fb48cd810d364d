//! Cooperation opportunities and their texts per language.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use domain::language::{Language, LocalizedText};
use domain::notification::NotificationKind;
use domain::opportunity::NewOpportunity;
use domain::text::fold;

use crate::DbConn;
use crate::clock::now;
use crate::companies::new_id;
use crate::notifications::{Subject, notify_members};
use crate::schema::{companies, opportunities, opportunity_texts};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = opportunities, treat_none_as_default_value = false, treat_none_as_null = true)]
pub struct OpportunityRow {
    pub id: String,
    pub company_id: String,
    pub kind: String,
    pub status: String,
    pub title_sort: String,
    /// The lists below hold one value per line.
    pub nace: String,
    pub keywords: String,
    pub partnership_types: String,
    pub target_countries: String,
    pub target_regions: String,
    pub valid_until: NaiveDate,
    pub expiry_notice_at: Option<NaiveDateTime>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// The values of a list column.
pub fn lines(column: &str) -> impl Iterator<Item = &str> {
    column.lines().filter(|l| !l.is_empty())
}

fn joined<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join("\n")
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = opportunity_texts, treat_none_as_default_value = false)]
pub struct OpportunityTextRow {
    pub opportunity_id: String,
    pub language: String,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
}

/// Where the publishing organisation is, and whether its profile is public: an opportunity's
/// search document and its visibility follow its organisation.
#[derive(Debug, Clone, Queryable)]
pub struct Publisher {
    pub name: String,
    pub status: String,
    pub country: String,
    pub region: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct Opportunity {
    pub row: OpportunityRow,
    pub texts: Vec<OpportunityTextRow>,
    pub publisher: Publisher,
}

/// Which of an opportunity's texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    Title,
    Summary,
    Description,
}

impl Opportunity {
    /// One of the texts in every language it is written in.
    pub fn text(&self, which: Text) -> LocalizedText {
        LocalizedText::from_rows(self.texts.iter().map(|row| {
            let value = match which {
                Text::Title => &row.title,
                Text::Summary => &row.summary,
                Text::Description => &row.description,
            };
            (row.language.as_str(), value)
        }))
    }
}

fn to_rows(
    new: &NewOpportunity,
    id: String,
    at: NaiveDateTime,
) -> (OpportunityRow, Vec<OpportunityTextRow>) {
    let texts = Language::ALL
        .iter()
        .map(|&language| OpportunityTextRow {
            opportunity_id: id.clone(),
            language: language.as_str().to_owned(),
            title: new.title.get(language).map(str::to_owned),
            summary: new.summary.get(language).map(str::to_owned),
            description: new.description.get(language).map(str::to_owned),
        })
        .filter(|t| t.title.is_some() || t.summary.is_some() || t.description.is_some())
        .collect();
    let row = OpportunityRow {
        company_id: new.company_id.clone(),
        kind: new.kind.as_str().to_owned(),
        status: new.status.as_str().to_owned(),
        title_sort: fold(new.sort_title()),
        nace: joined(new.nace.iter().map(|c| c.as_str())),
        keywords: joined(new.keywords.iter().map(String::as_str)),
        partnership_types: joined(new.partnership_types.iter().map(|p| p.as_str())),
        target_countries: joined(new.target_countries.iter().map(|c| c.as_str())),
        target_regions: joined(new.target_regions.iter().map(|r| r.as_str())),
        valid_until: new.valid_until,
        expiry_notice_at: None,
        version: 1,
        created_at: at,
        updated_at: at,
        id,
    };
    (row, texts)
}

/// An opportunity has a row of texts per language at most.
const TEXT_ROWS: usize = 3;

pub fn create(conn: &mut DbConn, new: &NewOpportunity) -> QueryResult<String> {
    let (row, texts) = to_rows(new, new_id(), now());
    conn.transaction(|conn| {
        diesel::insert_into(opportunities::table)
            .values(&row)
            .execute(conn)?;
        crate::bulk_insert!(conn, opportunity_texts::table, &texts, TEXT_ROWS)?;
        Ok(row.id.clone())
    })
}

/// Replaces the opportunity with `new` if it is still at `expected_version`; `false` when it
/// is gone or was changed meanwhile.
pub fn update(
    conn: &mut DbConn,
    current: &OpportunityRow,
    expected_version: i64,
    new: &NewOpportunity,
) -> QueryResult<bool> {
    let (mut row, texts) = to_rows(new, current.id.clone(), now());
    row.created_at = current.created_at;
    row.version = expected_version + 1;
    // A new last day deserves a new notice before it.
    if row.valid_until == current.valid_until {
        row.expiry_notice_at = current.expiry_notice_at;
    }
    conn.transaction(|conn| {
        let updated = diesel::update(
            opportunities::table
                .find(&current.id)
                .filter(opportunities::version.eq(expected_version)),
        )
        .set(&row)
        .execute(conn)?;
        if updated == 0 {
            return Ok(false);
        }
        diesel::delete(
            opportunity_texts::table.filter(opportunity_texts::opportunity_id.eq(&row.id)),
        )
        .execute(conn)?;
        crate::bulk_insert!(conn, opportunity_texts::table, &texts, TEXT_ROWS)?;
        Ok(true)
    })
}

/// Deletes the opportunity if it is still at `expected_version`.
pub fn delete(conn: &mut DbConn, id: &str, expected_version: i64) -> QueryResult<bool> {
    let deleted = diesel::delete(
        opportunities::table
            .find(id)
            .filter(opportunities::version.eq(expected_version)),
    )
    .execute(conn)?;
    Ok(deleted > 0)
}

type Joined = (OpportunityRow, Publisher);

fn publisher_columns() -> (
    companies::name,
    companies::status,
    companies::country,
    companies::region,
    companies::latitude,
    companies::longitude,
) {
    (
        companies::name,
        companies::status,
        companies::country,
        companies::region,
        companies::latitude,
        companies::longitude,
    )
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Opportunity>> {
    Ok(by_ids(conn, &[id.to_owned()])?.pop())
}

/// Opportunities by id, in the order of `ids` (ids not found are left out).
pub fn by_ids(conn: &mut DbConn, ids: &[String]) -> QueryResult<Vec<Opportunity>> {
    let rows: Vec<Joined> = opportunities::table
        .inner_join(companies::table)
        .filter(opportunities::id.eq_any(ids))
        .select((OpportunityRow::as_select(), publisher_columns()))
        .load(conn)?;
    let mut found: HashMap<String, Opportunity> = with_texts(conn, rows)?
        .into_iter()
        .map(|o| (o.row.id.clone(), o))
        .collect();
    Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
}

/// Every opportunity in id order, a page at a time (for building the search index).
pub fn page_by_id(
    conn: &mut DbConn,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<Opportunity>> {
    let mut query = opportunities::table
        .inner_join(companies::table)
        .select((OpportunityRow::as_select(), publisher_columns()))
        .order_by(opportunities::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(opportunities::id.gt(after.to_owned()));
    }
    let rows = query.load(conn)?;
    with_texts(conn, rows)
}

/// A company's opportunities in the order they were made, after `after`; drafts only with
/// `drafts`.
pub fn of_company(
    conn: &mut DbConn,
    company_id: &str,
    drafts: bool,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<Opportunity>> {
    let mut query = opportunities::table
        .inner_join(companies::table)
        .filter(opportunities::company_id.eq(company_id.to_owned()))
        .select((OpportunityRow::as_select(), publisher_columns()))
        .order_by(opportunities::id.asc())
        .limit(limit)
        .into_boxed();
    if !drafts {
        query = query.filter(opportunities::status.eq("published"));
    }
    if let Some(after) = after {
        query = query.filter(opportunities::id.gt(after.to_owned()));
    }
    let rows = query.load(conn)?;
    with_texts(conn, rows)
}

/// How long before its last day an organisation is told that an opportunity expires.
pub const EXPIRY_NOTICE_DAYS: u64 = 7;

/// Tells the members of every organisation whose published opportunity ends within
/// [`EXPIRY_NOTICE_DAYS`] of `today`, once per last day; returns how many were noticed. Each
/// notice is claimed by a conditional update, so servers running this at once tell nobody
/// twice.
pub fn notice_expiring(conn: &mut DbConn, today: NaiveDate) -> QueryResult<usize> {
    let horizon = today + chrono::Days::new(EXPIRY_NOTICE_DAYS);
    let due: Vec<String> = opportunities::table
        .filter(opportunities::status.eq("published"))
        .filter(opportunities::expiry_notice_at.is_null())
        .filter(opportunities::valid_until.ge(today))
        .filter(opportunities::valid_until.le(horizon))
        .select(opportunities::id)
        .load(conn)?;
    let mut noticed = 0;
    for id in due {
        noticed += conn.transaction(|conn| {
            let claimed = diesel::update(
                opportunities::table
                    .find(&id)
                    .filter(opportunities::expiry_notice_at.is_null()),
            )
            .set(opportunities::expiry_notice_at.eq(Some(now())))
            .execute(conn)?;
            if claimed == 0 {
                return Ok(0);
            }
            let Some(opportunity) = find(conn, &id)? else {
                return Ok(0);
            };
            let title = opportunity.text(Text::Title);
            notify_members(
                conn,
                &opportunity.row.company_id,
                NotificationKind::OpportunityExpiring,
                Subject::Text(&title),
                &format!("/v1/opportunities/{id}"),
            )?;
            QueryResult::Ok(1)
        })?;
    }
    Ok(noticed)
}

/// The opportunities of the companies `company_ids` (their documents carry the company's
/// place and name).
pub fn ids_of_companies(conn: &mut DbConn, company_ids: &[String]) -> QueryResult<Vec<String>> {
    opportunities::table
        .filter(opportunities::company_id.eq_any(company_ids))
        .select(opportunities::id)
        .load(conn)
}

fn with_texts(conn: &mut DbConn, rows: Vec<Joined>) -> QueryResult<Vec<Opportunity>> {
    let ids: Vec<&str> = rows.iter().map(|(r, _)| r.id.as_str()).collect();
    let mut texts: HashMap<String, Vec<OpportunityTextRow>> = HashMap::new();
    for text in opportunity_texts::table
        .filter(opportunity_texts::opportunity_id.eq_any(&ids))
        .select(OpportunityTextRow::as_select())
        .load(conn)?
    {
        texts
            .entry(text.opportunity_id.clone())
            .or_default()
            .push(text);
    }
    Ok(rows
        .into_iter()
        .map(|(row, publisher)| Opportunity {
            texts: texts.remove(&row.id).unwrap_or_default(),
            row,
            publisher,
        })
        .collect())
}
