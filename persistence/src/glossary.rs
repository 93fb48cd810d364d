//! Glossary terms added by the platform's administrators.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::search::Concept;

use crate::DbConn;
use crate::clock::now;
use crate::companies::new_id;
use crate::schema::glossary_entries;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = glossary_entries)]
pub struct EntryRow {
    pub id: String,
    /// Terms, one per line.
    pub de: String,
    pub cs: String,
    pub en: String,
    pub created_by: Option<String>,
    pub created_at: NaiveDateTime,
}

impl EntryRow {
    pub fn concept(&self) -> Concept {
        let terms = |text: &str| text.lines().map(str::to_owned).collect();
        Concept {
            de: terms(&self.de),
            cs: terms(&self.cs),
            en: terms(&self.en),
        }
    }
}

/// All added entries, oldest first. The table stays small (a few hundred rows at most), so
/// searches read it whole.
pub fn list(conn: &mut DbConn) -> QueryResult<Vec<EntryRow>> {
    glossary_entries::table
        .select(EntryRow::as_select())
        .order_by(glossary_entries::id.asc())
        .load(conn)
}

pub fn add(conn: &mut DbConn, concept: &Concept, by: &str) -> QueryResult<EntryRow> {
    let row = EntryRow {
        id: new_id(),
        de: concept.de.join("\n"),
        cs: concept.cs.join("\n"),
        en: concept.en.join("\n"),
        created_by: Some(by.to_owned()),
        created_at: now(),
    };
    diesel::insert_into(glossary_entries::table)
        .values(&row)
        .execute(conn)?;
    Ok(row)
}

pub fn remove(conn: &mut DbConn, id: &str) -> QueryResult<bool> {
    Ok(diesel::delete(glossary_entries::table.find(id)).execute(conn)? == 1)
}
