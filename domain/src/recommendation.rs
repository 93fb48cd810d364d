//! Partner recommendations: the evidence that makes an organisation or an opportunity worth a
//! company's attention, what each piece of evidence weighs, how it reads in each language, and
//! the order that follows. Finding the evidence is the index's work; this module only weighs
//! and explains it, so the same evidence always gives the same ranking.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::country::Country;
use crate::language::Language;
use crate::reference::Catalog;

/// How many reasons of one kind count towards a score: a request that matches ten products is
/// not ten times as good a match.
const MAX_COUNTED_PER_KIND: usize = 3;
/// Within this distance, nearness adds points: up to [`NEARBY_POINTS`] next door, none at the
/// limit. Suppliers are looked for within it too.
pub const NEARBY_KM: f64 = 100.0;
const NEARBY_POINTS: f64 = 10.0;

string_enum!(
    /// The kinds of evidence.
    ReasonKind, "unknown_reason", "kind of reason" {
        RequestMatchesProduct = "request_matches_product",
        RequestMatchesActivity = "request_matches_activity",
        OfferAnswersRequest = "offer_answers_request",
        ActivityAnswersRequest = "activity_answers_request",
        SuppliesActivity = "supplies_activity",
        SameEvent = "same_event",
        CrossBorder = "cross_border",
        Nearby = "nearby",
    }
);

/// One piece of evidence. Texts are titles and names as their owners wrote them; activities
/// are NACE codes, named in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reason {
    /// An open request whose words all occur in one of the company's products.
    RequestMatchesProduct { request: String, product: String },
    /// An open request for an activity the company carries out.
    RequestMatchesActivity { request: String, activity: String },
    /// An offer whose words match one of the company's open requests.
    OfferAnswersRequest { offer: String, request: String },
    /// An organisation carrying out the activity one of the company's open requests seeks.
    ActivityAnswersRequest { activity: String, request: String },
    /// An organisation whose activity supplies the company's (see [`supplier_divisions`]).
    SuppliesActivity { supplier: String, activity: String },
    /// An organisation listed for an upcoming event the company takes part in too.
    SameEvent { event: String, starts: NaiveDate },
    /// Across the border: the other side is in this country.
    CrossBorder { country: Country },
    /// The other side is this many kilometres away.
    Nearby { km: u32 },
}

impl Reason {
    /// The reason's kind, for clients that group or filter reasons.
    pub fn kind(&self) -> ReasonKind {
        match self {
            Reason::RequestMatchesProduct { .. } => ReasonKind::RequestMatchesProduct,
            Reason::RequestMatchesActivity { .. } => ReasonKind::RequestMatchesActivity,
            Reason::OfferAnswersRequest { .. } => ReasonKind::OfferAnswersRequest,
            Reason::ActivityAnswersRequest { .. } => ReasonKind::ActivityAnswersRequest,
            Reason::SuppliesActivity { .. } => ReasonKind::SuppliesActivity,
            Reason::SameEvent { .. } => ReasonKind::SameEvent,
            Reason::CrossBorder { .. } => ReasonKind::CrossBorder,
            Reason::Nearby { .. } => ReasonKind::Nearby,
        }
    }

    /// What the reason adds to a score. Text matches weigh most, then matching activities,
    /// then meeting at an event; the border and nearness only add to other evidence.
    pub fn points(&self) -> u32 {
        match self {
            Reason::RequestMatchesProduct { .. } | Reason::OfferAnswersRequest { .. } => 40,
            Reason::ActivityAnswersRequest { .. } => 30,
            Reason::RequestMatchesActivity { .. } => 25,
            Reason::SuppliesActivity { .. } => 20,
            Reason::SameEvent { .. } | Reason::CrossBorder { .. } => 15,
            Reason::Nearby { km } => (NEARBY_POINTS * (1.0 - f64::from(*km) / NEARBY_KM))
                .round()
                .max(0.0) as u32,
        }
    }

    /// Whether the reason recommends on its own; the border and nearness only add weight.
    fn recommends(&self) -> bool {
        !matches!(self, Reason::CrossBorder { .. } | Reason::Nearby { .. })
    }

    /// The reason as a sentence for a reader of `language`.
    pub fn explain(&self, language: Language) -> String {
        use Language::{Cs, De, En};
        let activity = |code: &str| activity_label(code, language);
        match (self, language) {
            (Reason::RequestMatchesProduct { request, product }, De) => {
                format!("Die offene Anfrage „{request}“ passt zu Ihrem Produkt „{product}“.")
            }
            (Reason::RequestMatchesProduct { request, product }, Cs) => {
                format!("Otevřená poptávka „{request}“ odpovídá vašemu produktu „{product}“.")
            }
            (Reason::RequestMatchesProduct { request, product }, En) => {
                format!("Open request “{request}” matches your product “{product}”.")
            }
            (
                Reason::RequestMatchesActivity {
                    request,
                    activity: a,
                },
                De,
            ) => format!(
                "Die offene Anfrage „{request}“ sucht Ihre Tätigkeit: {}.",
                activity(a)
            ),
            (
                Reason::RequestMatchesActivity {
                    request,
                    activity: a,
                },
                Cs,
            ) => format!(
                "Otevřená poptávka „{request}“ hledá vaši činnost: {}.",
                activity(a)
            ),
            (
                Reason::RequestMatchesActivity {
                    request,
                    activity: a,
                },
                En,
            ) => format!(
                "Open request “{request}” seeks your activity: {}.",
                activity(a)
            ),
            (Reason::OfferAnswersRequest { offer, request }, De) => {
                format!("Das Angebot „{offer}“ passt zu Ihrer Anfrage „{request}“.")
            }
            (Reason::OfferAnswersRequest { offer, request }, Cs) => {
                format!("Nabídka „{offer}“ odpovídá vaší poptávce „{request}“.")
            }
            (Reason::OfferAnswersRequest { offer, request }, En) => {
                format!("Offer “{offer}” matches your request “{request}”.")
            }
            (
                Reason::ActivityAnswersRequest {
                    activity: a,
                    request,
                },
                De,
            ) => format!(
                "Bietet {}, was Ihre Anfrage „{request}“ sucht.",
                activity(a)
            ),
            (
                Reason::ActivityAnswersRequest {
                    activity: a,
                    request,
                },
                Cs,
            ) => format!(
                "Nabízí {}, co hledá vaše poptávka „{request}“.",
                activity(a)
            ),
            (
                Reason::ActivityAnswersRequest {
                    activity: a,
                    request,
                },
                En,
            ) => format!(
                "Offers {}, which your request “{request}” seeks.",
                activity(a)
            ),
            (
                Reason::SuppliesActivity {
                    supplier,
                    activity: a,
                },
                De,
            ) => format!(
                "Zulieferer für Ihre Tätigkeit ({}): {}.",
                activity(a),
                activity(supplier)
            ),
            (
                Reason::SuppliesActivity {
                    supplier,
                    activity: a,
                },
                Cs,
            ) => format!(
                "Dodavatel pro vaši činnost ({}): {}.",
                activity(a),
                activity(supplier)
            ),
            (
                Reason::SuppliesActivity {
                    supplier,
                    activity: a,
                },
                En,
            ) => format!(
                "Supplier for your activity ({}): {}.",
                activity(a),
                activity(supplier)
            ),
            (Reason::SameEvent { event, starts }, De) => format!(
                "Nimmt auch an „{event}“ am {} teil.",
                starts.format("%d.%m.%Y")
            ),
            (Reason::SameEvent { event, starts }, Cs) => format!(
                "Účastní se také akce „{event}“ dne {}.",
                starts.format("%-d. %-m. %Y")
            ),
            (Reason::SameEvent { event, starts }, En) => format!(
                "Also takes part in “{event}” on {}.",
                starts.format("%Y-%m-%d")
            ),
            (Reason::CrossBorder { country }, De) => format!(
                "Grenzüberschreitend: Partner in {}.",
                country_name(*country, De)
            ),
            (Reason::CrossBorder { country }, Cs) => {
                format!("Přeshraniční: partner v {}.", country_name(*country, Cs))
            }
            (Reason::CrossBorder { country }, En) => format!(
                "Across the border: a partner in {}.",
                country_name(*country, En)
            ),
            (Reason::Nearby { km }, De) => format!("{km} km entfernt."),
            (Reason::Nearby { km }, Cs) => format!("Vzdálenost {km} km."),
            (Reason::Nearby { km }, En) => format!("{km} km away."),
        }
    }
}

/// A NACE code's label in `language`, with the code: "16.10 Sägewerke".
fn activity_label(code: &str, language: Language) -> String {
    match Catalog::get().nace(code) {
        Some(entry) => {
            let label = match language {
                Language::De => &entry.label.de,
                Language::Cs => &entry.label.cs,
                Language::En => &entry.label.en,
            };
            format!("{code} {label}")
        }
        None => code.to_owned(),
    }
}

/// A country's name as the sentences of [`Reason::explain`] need it (Czech in the locative).
fn country_name(country: Country, language: Language) -> &'static str {
    match (country, language) {
        (Country::Germany, Language::De) => "Deutschland",
        (Country::Czechia, Language::De) => "Tschechien",
        (Country::Germany, Language::Cs) => "Německu",
        (Country::Czechia, Language::Cs) => "Česku",
        (Country::Germany, Language::En) => "Germany",
        (Country::Czechia, Language::En) => "Czechia",
    }
}

/// The nearness of a partner `km` away, when near enough to count.
pub fn nearby(km: f64) -> Option<Reason> {
    (0.0..NEARBY_KM).contains(&km).then(|| Reason::Nearby {
        km: km.round() as u32,
    })
}

/// The NACE divisions that typically supply a division: materials to the industries that
/// process them, parts to those that assemble, engineering and research to manufacturing. A
/// small hand-made table for the region's industries, not a statistical input–output table;
/// divisions without an entry get no supplier recommendations.
pub fn supplier_divisions(division: &str) -> &'static [&'static str] {
    match division {
        "10" | "11" => &["01", "03", "17", "22", "28"],
        "13" | "14" => &["20", "28"],
        "16" => &["02"],
        "17" | "18" => &["02", "16", "20"],
        "20" | "21" => &["19", "71", "72"],
        "22" => &["20", "28", "71"],
        "23" => &["08", "20", "28"],
        "24" => &["07", "38", "71"],
        "25" => &["24", "28", "71"],
        "26" => &["20", "22", "24", "71", "72"],
        "27" => &["22", "24", "25", "26", "71", "72"],
        "28" => &["22", "24", "25", "26", "27", "71", "72"],
        "29" | "30" => &["13", "22", "24", "25", "26", "27", "28", "71", "72"],
        "31" => &["13", "16", "22", "25"],
        "32" => &["22", "25", "26"],
        "33" => &["25", "28"],
        "41" => &["16", "23", "25", "43", "71"],
        "42" => &["08", "23", "24", "25", "71"],
        "43" => &["16", "23", "25", "27"],
        _ => &[],
    }
}

/// A recommended organisation or opportunity with its score and reasons, best reason first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked<K> {
    pub key: K,
    pub score: u32,
    pub reasons: Vec<Reason>,
}

/// Collects evidence per candidate and ranks the candidates.
#[derive(Debug)]
pub struct Ranking<K> {
    candidates: HashMap<K, (String, Vec<Reason>)>,
}

impl<K> Default for Ranking<K> {
    fn default() -> Self {
        Self {
            candidates: HashMap::new(),
        }
    }
}

impl<K: Clone + Eq + std::hash::Hash + Ord> Ranking<K> {
    /// Records `reason` for the candidate `key`, named `name` (for the order of equal scores).
    /// A reason given twice counts once.
    pub fn add(&mut self, key: K, name: &str, reason: Reason) {
        let (_, reasons) = self
            .candidates
            .entry(key)
            .or_insert_with(|| (name.to_owned(), Vec::new()));
        if !reasons.contains(&reason) {
            reasons.push(reason);
        }
    }

    /// The candidates so far that something recommends.
    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.candidates
            .iter()
            .filter(|(_, (_, reasons))| reasons.iter().any(Reason::recommends))
            .map(|(key, _)| key)
    }

    /// The best `limit` candidates that something recommends: highest score first, then by
    /// name and key, so the same evidence always gives the same order. A score counts each
    /// kind of reason at most [`MAX_COUNTED_PER_KIND`] times.
    pub fn ranked(self, limit: usize) -> Vec<Ranked<K>> {
        let mut ranked: Vec<(String, Ranked<K>)> = self
            .candidates
            .into_iter()
            .filter(|(_, (_, reasons))| reasons.iter().any(Reason::recommends))
            .map(|(key, (name, mut reasons))| {
                reasons.sort_by(|a, b| {
                    b.points()
                        .cmp(&a.points())
                        .then_with(|| a.kind().as_str().cmp(b.kind().as_str()))
                        .then_with(|| a.cmp(b))
                });
                let mut counted: HashMap<ReasonKind, usize> = HashMap::new();
                let score = reasons
                    .iter()
                    .filter(|r| {
                        let seen = counted.entry(r.kind()).or_default();
                        *seen += 1;
                        *seen <= MAX_COUNTED_PER_KIND
                    })
                    .map(Reason::points)
                    .sum();
                (
                    name,
                    Ranked {
                        key,
                        score,
                        reasons,
                    },
                )
            })
            .collect();
        ranked.sort_by(|(a_name, a), (b_name, b)| {
            b.score
                .cmp(&a.score)
                .then_with(|| a_name.cmp(b_name))
                .then_with(|| a.key.cmp(&b.key))
        });
        ranked.truncate(limit);
        ranked.into_iter().map(|(_, r)| r).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_ranks_and_border_and_distance_only_add() {
        let mut ranking = Ranking::default();
        let request = |r: &str| Reason::RequestMatchesProduct {
            request: r.into(),
            product: "CNC-Fräsen".into(),
        };
        ranking.add("b", "Beta", request("Suche Frästeile"));
        ranking.add("b", "Beta", request("Suche Frästeile"));
        ranking.add(
            "a",
            "Alpha",
            Reason::SuppliesActivity {
                supplier: "24".into(),
                activity: "25".into(),
            },
        );
        ranking.add(
            "a",
            "Alpha",
            Reason::CrossBorder {
                country: Country::Czechia,
            },
        );
        ranking.add("a", "Alpha", nearby(12.4).expect("near"));
        ranking.add(
            "c",
            "Gamma",
            Reason::CrossBorder {
                country: Country::Czechia,
            },
        );
        let ranked = ranking.ranked(10);
        let order: Vec<(&str, u32)> = ranked.iter().map(|r| (r.key, r.score)).collect();
        // Beta: 40 (the repeat counts once); Alpha: 20 + 15 + 9; Gamma: nothing recommends it.
        assert_eq!(order, [("a", 44), ("b", 40)]);
        assert_eq!(ranked[0].reasons[0].kind(), ReasonKind::SuppliesActivity);
    }

    #[test]
    fn reasons_read_in_every_language() {
        let reason = Reason::RequestMatchesProduct {
            request: "Suche Lohnfertiger für CNC-Frästeile".into(),
            product: "CNC-Fräsen".into(),
        };
        assert_eq!(
            reason.explain(Language::En),
            "Open request “Suche Lohnfertiger für CNC-Frästeile” matches your product “CNC-Fräsen”."
        );
        let supplier = Reason::SuppliesActivity {
            supplier: "16".into(),
            activity: "31".into(),
        };
        assert!(supplier.explain(Language::Cs).contains("16 "));
        assert_eq!(nearby(150.0), None);
        assert_eq!(nearby(0.2).map(|r| r.points()), Some(10));
    }
}
