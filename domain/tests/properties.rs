//! Properties of the parsers that take text from outside (search queries, register numbers,
//! webhook addresses), over generated input: they never panic, and what they accept they accept
//! again in the form they give it back.

use std::net::{IpAddr, Ipv4Addr};

use domain::register::{GermanRegisterEntry, Ico, VatId};
use domain::search::words::words;
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
}
