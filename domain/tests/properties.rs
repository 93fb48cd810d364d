//! Properties of the parsers that take text from outside (search queries, register numbers,
//! webhook addresses), over generated input: they never panic, and what they accept they accept
//! again in the form they give it back. Search queries also keep what was typed and reach
//! every language of a glossary concept from any of its terms.

use std::net::{IpAddr, Ipv4Addr};

use domain::register::{GermanRegisterEntry, Ico, VatId};
use domain::search::words::{is_searchable, stem, words};
use domain::search::{Concept, Expr, Glossary, SearchQuery};
use domain::webhook::{WebhookUrl, is_public};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// Search words are folded ASCII letters and digits, and folding them again changes nothing:
    /// the index and the queries see the same words.
    #[test]
    fn words_are_folded_once_and_for_all(text in "\\PC{0,80}") {
        let first: Vec<String> = words(&text).collect();
        for word in &first {
            prop_assert!(!word.is_empty());
            prop_assert!(word.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()), "{word:?}");
        }
        let again: Vec<String> = words(&first.join(" ")).collect();
        prop_assert_eq!(again, first);
    }

    /// An IČO is accepted again as it is shown.
    #[test]
    fn icos_round_trip(raw in "[0-9 ]{0,12}|\\PC{0,12}") {
        if let Ok(ico) = Ico::parse(&raw) {
            prop_assert_eq!(Ico::parse(&ico.to_string()).ok(), Some(ico));
        }
    }

    /// VAT ids are accepted again as they are shown.
    #[test]
    fn vat_ids_round_trip(raw in "(DE|CZ|de|cz)?[0-9 ]{0,12}|\\PC{0,16}") {
        if let Ok(vat) = VatId::parse(&raw) {
            prop_assert_eq!(VatId::parse(vat.as_str()).ok(), Some(vat));
        }
    }

    /// German register entries never panic, whatever the three parts hold.
    #[test]
    fn register_entries_never_panic(court in "\\PC{0,30}", kind in "HRA|HRB|GnR|PR|VR|\\PC{0,5}", number in "\\PC{0,12}") {
        let _ = GermanRegisterEntry::parse(&court, &kind, &number);
    }

    /// Webhook addresses are accepted again as they are stored.
    #[test]
    fn webhook_addresses_round_trip(raw in "(https?://)?[a-z0-9.:@\\[\\]/?#%-]{0,40}|\\PC{0,40}") {
        if let Ok(url) = WebhookUrl::parse(&raw) {
            prop_assert_eq!(WebhookUrl::parse(url.as_str()).ok(), Some(url));
        }
    }

    /// An IPv4 address is judged the same written as an IPv4-mapped IPv6 address, so the
    /// mapped form cannot smuggle a private address past the SSRF check.
    #[test]
    fn mapped_addresses_are_judged_as_their_ipv4(octets in any::<[u8; 4]>()) {
        let v4 = Ipv4Addr::from(octets);
        prop_assert_eq!(is_public(IpAddr::V4(v4)), is_public(IpAddr::V6(v4.to_ipv6_mapped())));
    }

    /// Any text is a query or a refusal, never a panic; a query searches only folded prefixes
    /// (never query syntax) and keeps every word that was typed, however it expands.
    #[test]
    fn queries_keep_what_was_typed(raw in "\\PC{0,220}|([A-Za-zÄÖÜäöüßčďěňřšťůžáéíóúý]{1,12} ?){1,9}") {
        match SearchQuery::parse(&raw, &Glossary::default()) {
            Err(e) => prop_assert!(["too_long", "no_words", "too_many_words"].contains(&e.code), "{e:?}"),
            Ok(query) => {
                let prefixes = leaves(&query.expr);
                for prefix in &prefixes {
                    prop_assert!(!prefix.is_empty());
                    prop_assert!(prefix.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()), "{prefix:?}");
                }
                for word in words(&raw).filter(|w| is_searchable(w)) {
                    prop_assert!(covered(&prefixes, stem(&word)), "{word:?} lost from {raw:?}: {prefixes:?}");
                }
            }
        }
    }

    /// A query means the same in any letter case.
    #[test]
    fn queries_ignore_letter_case(terms in prop::collection::vec(shipped_term(), 1..4)) {
        let raw = terms.join(" ");
        let lower = SearchQuery::parse(&raw.to_lowercase(), &Glossary::default()).map(|q| q.expr);
        let upper = SearchQuery::parse(&raw.to_uppercase(), &Glossary::default()).map(|q| q.expr);
        prop_assert_eq!(lower, upper);
    }

    /// Any term of a shipped concept, in any language, finds every other term of the concept:
    /// a query in German also searches the Czech and English words.
    #[test]
    fn shipped_terms_reach_every_language_of_their_concept((concept, from) in shipped_concept_and_term()) {
        reaches_every_term(&concept, &from, &Glossary::default())?;
    }

    /// The same for the concepts administrators add, with terms of up to five words.
    #[test]
    fn added_terms_reach_every_language_of_their_concept(
        de in term(), cs in term(), en in prop::option::of(term()), from in 0usize..3,
    ) {
        let concept = Concept::parse(vec![de], vec![cs], en.into_iter().collect());
        prop_assume!(concept.is_ok());
        let concept = concept.expect("checked");
        let terms: Vec<&str> = concept.terms().collect();
        let from = terms[from % terms.len()].to_owned();
        let added = Glossary::new(vec![concept.clone()]);
        reaches_every_term(&concept, &from, &added)?;
    }
}

/// The prefixes a query searches for.
fn leaves(expr: &Expr) -> Vec<String> {
    match expr {
        Expr::Prefix(p) => vec![p.clone()],
        Expr::All(items) | Expr::Any(items) => items.iter().flat_map(leaves).collect(),
    }
}

/// Whether a search for `prefixes` matches the word `stemmed` (a prefix of it is searched).
fn covered(prefixes: &[String], stemmed: &str) -> bool {
    prefixes.iter().any(|p| stemmed.starts_with(p.as_str()))
}

/// Whether the query `from` searches every searchable word of every term of `concept`.
fn reaches_every_term(
    concept: &Concept,
    from: &str,
    added: &Glossary,
) -> Result<(), TestCaseError> {
    let query = SearchQuery::parse(from, added);
    // A term of function words only ("und za") is no query.
    prop_assume!(query.is_ok(), "not a query");
    let prefixes = leaves(&query.expect("checked").expr);
    for term in concept.terms() {
        for word in words(term).filter(|w| is_searchable(w)) {
            prop_assert!(
                covered(&prefixes, stem(&word)),
                "{from:?} does not reach {word:?} of {term:?}: {prefixes:?}"
            );
        }
    }
    Ok(())
}

/// A glossary term of one to five words in German and Czech letters, with function words.
fn term() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        4 => "[a-zäöüßčďěňřšťůžáéíóúý]{2,10}",
        1 => prop::sample::select(&["und", "za", "of", "a"][..]).prop_map(str::to_owned),
    ];
    prop::collection::vec(word, 1..=5).prop_map(|w| w.join(" "))
}

fn shipped_term() -> impl Strategy<Value = String> {
    shipped_concept_and_term().prop_map(|(_, term)| term)
}

/// A concept of the shipped glossary and one of its terms.
fn shipped_concept_and_term() -> impl Strategy<Value = (Concept, String)> {
    let concepts = Glossary::shipped().concepts().to_vec();
    prop::sample::select(concepts).prop_flat_map(|concept| {
        let terms: Vec<String> = concept.terms().map(str::to_owned).collect();
        (Just(concept), prop::sample::select(terms))
    })
}
