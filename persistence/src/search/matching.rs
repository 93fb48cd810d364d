//! A search expression in each database's query language. Leaves are folded ASCII letters and
//! digits (see `domain::search::words`), so they need no escaping.

use domain::search::Expr;

/// FTS5: `"holz"*` for a prefix, `AND` / `OR` in parentheses.
pub fn fts5(expr: &Expr) -> String {
    match expr {
        Expr::Prefix(word) => format!("\"{word}\"*"),
        Expr::All(items) => join(items, " AND ", fts5),
        Expr::Any(items) => join(items, " OR ", fts5),
    }
}

/// `tsquery`: `holz:*` for a prefix (`holz:*A` to match name words only), `&` / `|`.
pub fn tsquery(expr: &Expr, name_only: bool) -> String {
    let render = |e: &Expr| tsquery(e, name_only);
    match expr {
        Expr::Prefix(word) if name_only => format!("{word}:*A"),
        Expr::Prefix(word) => format!("{word}:*"),
        Expr::All(items) => join(items, " & ", render),
        Expr::Any(items) => join(items, " | ", render),
    }
}

fn join(items: &[Expr], operator: &str, render: impl Fn(&Expr) -> String) -> String {
    let parts: Vec<String> = items.iter().map(render).collect();
    format!("({})", parts.join(operator))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_both_languages() {
        let expr = Expr::All(vec![
            Expr::Prefix("holz".into()),
            Expr::Any(vec![
                Expr::Prefix("drev".into()),
                Expr::Prefix("wood".into()),
            ]),
        ]);
        assert_eq!(fts5(&expr), r#"("holz"* AND ("drev"* OR "wood"*))"#);
        assert_eq!(tsquery(&expr, false), "(holz:* & (drev:* | wood:*))");
        assert_eq!(tsquery(&expr, true), "(holz:*A & (drev:*A | wood:*A))");
    }
}
