//! SQL text with bind values, for the statements whose shape depends on the request (search,
//! bulk document upserts): written once, with each backend's placeholders.

use diesel::prelude::*;
use diesel::sql_types::{Bool, Double, Text};

use crate::DbConn;
use crate::db::Backend;

/// A value bound to a placeholder.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Double(f64),
    Bool(bool),
}

/// A statement being written: SQL text and the values of its placeholders, in order.
#[derive(Debug, Clone)]
pub struct Sql {
    backend: Backend,
    text: String,
    binds: Vec<Value>,
}

/// Binds every value to a boxed `sql_query` of one backend.
macro_rules! bound {
    ($query:expr, $binds:expr) => {{
        let mut query = $query;
        for value in $binds {
            query = match value {
                Value::Text(v) => query.bind::<Text, _>(v),
                Value::Double(v) => query.bind::<Double, _>(v),
                Value::Bool(v) => query.bind::<Bool, _>(v),
            };
        }
        query
    }};
}

impl Sql {
    pub fn new(backend: Backend) -> Self {
        Self {
            backend,
            text: String::with_capacity(1024),
            binds: Vec::new(),
        }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn push(&mut self, sql: &str) -> &mut Self {
        self.text.push_str(sql);
        self
    }

    /// Appends a placeholder for `value`.
    pub fn bind(&mut self, value: Value) -> &mut Self {
        self.binds.push(value);
        match self.backend {
            Backend::Sqlite => self.text.push('?'),
            Backend::Postgres => {
                self.text.push('$');
                self.text.push_str(&self.binds.len().to_string());
            }
        }
        self
    }

    pub fn text(&mut self, value: &str) -> &mut Self {
        self.bind(Value::Text(value.to_owned()))
    }

    /// Appends `(?, ?, ...)` with one placeholder per value.
    pub fn list<'a>(&mut self, values: impl IntoIterator<Item = &'a str>) -> &mut Self {
        self.push("(");
        for (i, value) in values.into_iter().enumerate() {
            if i > 0 {
                self.push(", ");
            }
            self.text(value);
        }
        self.push(")")
    }

    pub fn load<T>(self, conn: &mut DbConn) -> QueryResult<Vec<T>>
    where
        T: QueryableByName<diesel::sqlite::Sqlite> + QueryableByName<diesel::pg::Pg> + 'static,
    {
        match conn {
            DbConn::Sqlite(c) => {
                bound!(diesel::sql_query(self.text).into_boxed(), self.binds).load(c)
            }
            DbConn::Postgresql(c) => {
                bound!(diesel::sql_query(self.text).into_boxed(), self.binds).load(c)
            }
        }
    }

    pub fn execute(self, conn: &mut DbConn) -> QueryResult<usize> {
        match conn {
            DbConn::Sqlite(c) => {
                bound!(diesel::sql_query(self.text).into_boxed(), self.binds).execute(c)
            }
            DbConn::Postgresql(c) => {
                bound!(diesel::sql_query(self.text).into_boxed(), self.binds).execute(c)
            }
        }
    }
}
