use serde::Serialize;

use super::catalog::Labels;
use crate::country::Country;

/// A legal form of a German or Czech organisation.
#[derive(Debug, Clone, Serialize)]
pub struct LegalForm {
    /// Stable identifier used in the API, such as `de_gmbh` or `cz_sro`.
    pub code: &'static str,
    pub country: Country,
    /// The abbreviation as it appears after company names ("GmbH", "s.r.o.").
    pub abbreviation: &'static str,
    pub name: Labels,
    /// The ARES `pravniForma` code, for Czech forms.
    pub ares_code: Option<&'static str>,
}

struct Def(
    &'static str,
    Country,
    &'static str,
    [&'static str; 3],
    Option<&'static str>,
);

use Country::{Czechia as CZ, Germany as DE};

/// The common legal forms of both countries. The German forms follow HGB, GmbHG, AktG, GenG, BGB
/// and PartGG; the Czech forms and their codes follow the ČSÚ/ARES code list of legal forms.
const FORMS: &[Def] = &[
    Def(
        "de_gmbh",
        DE,
        "GmbH",
        [
            "Gesellschaft mit beschränkter Haftung",
            "Společnost s ručením omezeným (DE)",
            "Limited liability company",
        ],
        None,
    ),
    Def(
        "de_ug",
        DE,
        "UG (haftungsbeschränkt)",
        [
            "Unternehmergesellschaft (haftungsbeschränkt)",
            "Podnikatelská společnost s ručením omezeným",
            "Entrepreneurial company (limited liability)",
        ],
        None,
    ),
    Def(
        "de_ag",
        DE,
        "AG",
        [
            "Aktiengesellschaft",
            "Akciová společnost (DE)",
            "Stock corporation",
        ],
        None,
    ),
    Def(
        "de_kgaa",
        DE,
        "KGaA",
        [
            "Kommanditgesellschaft auf Aktien",
            "Komanditní společnost na akcie",
            "Partnership limited by shares",
        ],
        None,
    ),
    Def(
        "de_kg",
        DE,
        "KG",
        [
            "Kommanditgesellschaft",
            "Komanditní společnost (DE)",
            "Limited partnership",
        ],
        None,
    ),
    Def(
        "de_gmbh_co_kg",
        DE,
        "GmbH & Co. KG",
        [
            "GmbH & Co. Kommanditgesellschaft",
            "Komanditní společnost s GmbH jako komplementářem",
            "Limited partnership with a limited liability company as general partner",
        ],
        None,
    ),
    Def(
        "de_ohg",
        DE,
        "OHG",
        [
            "Offene Handelsgesellschaft",
            "Veřejná obchodní společnost (DE)",
            "General partnership",
        ],
        None,
    ),
    Def(
        "de_ek",
        DE,
        "e. K.",
        [
            "Eingetragener Kaufmann",
            "Zapsaný obchodník",
            "Registered merchant",
        ],
        None,
    ),
    Def(
        "de_gbr",
        DE,
        "GbR",
        [
            "Gesellschaft bürgerlichen Rechts",
            "Společnost podle občanského práva",
            "Civil-law partnership",
        ],
        None,
    ),
    Def(
        "de_partg",
        DE,
        "PartG",
        [
            "Partnerschaftsgesellschaft",
            "Partnerská společnost svobodných povolání",
            "Partnership of liberal professions",
        ],
        None,
    ),
    Def(
        "de_ev",
        DE,
        "e. V.",
        [
            "Eingetragener Verein",
            "Zapsaný spolek (DE)",
            "Registered association",
        ],
        None,
    ),
    Def(
        "de_eg",
        DE,
        "eG",
        [
            "Eingetragene Genossenschaft",
            "Zapsané družstvo (DE)",
            "Registered cooperative",
        ],
        None,
    ),
    Def(
        "de_se",
        DE,
        "SE",
        [
            "Europäische Gesellschaft",
            "Evropská společnost (DE)",
            "European company",
        ],
        None,
    ),
    Def(
        "de_stiftung",
        DE,
        "Stiftung",
        ["Stiftung", "Nadace (DE)", "Foundation"],
        None,
    ),
    Def(
        "de_kdoer",
        DE,
        "KdöR",
        [
            "Körperschaft des öffentlichen Rechts",
            "Veřejnoprávní korporace",
            "Public-law corporation",
        ],
        None,
    ),
    Def(
        "de_einzelunternehmen",
        DE,
        "Einzelunternehmen",
        [
            "Einzelunternehmen",
            "Fyzická osoba podnikající (DE)",
            "Sole proprietorship",
        ],
        None,
    ),
    Def(
        "cz_fo",
        CZ,
        "FO",
        [
            "Natürliche Person, Gewerbetreibender",
            "Fyzická osoba podnikající dle živnostenského zákona",
            "Sole trader under the Trade Licensing Act",
        ],
        Some("101"),
    ),
    Def(
        "cz_vos",
        CZ,
        "v.o.s.",
        [
            "Offene Handelsgesellschaft (CZ)",
            "Veřejná obchodní společnost",
            "General partnership",
        ],
        Some("111"),
    ),
    Def(
        "cz_sro",
        CZ,
        "s.r.o.",
        [
            "Gesellschaft mit beschränkter Haftung (CZ)",
            "Společnost s ručením omezeným",
            "Limited liability company",
        ],
        Some("112"),
    ),
    Def(
        "cz_ks",
        CZ,
        "k.s.",
        [
            "Kommanditgesellschaft (CZ)",
            "Komanditní společnost",
            "Limited partnership",
        ],
        Some("113"),
    ),
    Def(
        "cz_nadace",
        CZ,
        "nadace",
        ["Stiftung (CZ)", "Nadace", "Foundation"],
        Some("117"),
    ),
    Def(
        "cz_nadacni_fond",
        CZ,
        "nadační fond",
        ["Stiftungsfonds", "Nadační fond", "Endowment fund"],
        Some("118"),
    ),
    Def(
        "cz_as",
        CZ,
        "a.s.",
        [
            "Aktiengesellschaft (CZ)",
            "Akciová společnost",
            "Joint-stock company",
        ],
        Some("121"),
    ),
    Def(
        "cz_ops",
        CZ,
        "o.p.s.",
        [
            "Gemeinnützige Gesellschaft",
            "Obecně prospěšná společnost",
            "Public benefit company",
        ],
        Some("141"),
    ),
    Def(
        "cz_druzstvo",
        CZ,
        "družstvo",
        ["Genossenschaft (CZ)", "Družstvo", "Cooperative"],
        Some("205"),
    ),
    Def(
        "cz_oss",
        CZ,
        "OSS",
        [
            "Organisationseinheit des Staates",
            "Organizační složka státu",
            "Organisational unit of the state",
        ],
        Some("325"),
    ),
    Def(
        "cz_po",
        CZ,
        "p.o.",
        [
            "Beitragsorganisation",
            "Příspěvková organizace",
            "Semi-budgetary organisation",
        ],
        Some("331"),
    ),
    Def(
        "cz_vs",
        CZ,
        "VŠ",
        ["Hochschule", "Vysoká škola", "Higher education institution"],
        Some("601"),
    ),
    Def(
        "cz_vvi",
        CZ,
        "v. v. i.",
        [
            "Öffentliche Forschungseinrichtung",
            "Veřejná výzkumná instituce",
            "Public research institution",
        ],
        Some("661"),
    ),
    Def(
        "cz_zs",
        CZ,
        "z. s.",
        [
            "Eingetragener Verein (CZ)",
            "Spolek",
            "Registered association",
        ],
        Some("706"),
    ),
    Def(
        "cz_obec",
        CZ,
        "obec",
        ["Gemeinde", "Obec", "Municipality"],
        Some("801"),
    ),
    Def(
        "cz_kraj",
        CZ,
        "kraj",
        ["Region (Kraj)", "Kraj", "Region"],
        Some("804"),
    ),
    Def(
        "cz_se",
        CZ,
        "SE",
        [
            "Europäische Gesellschaft (CZ)",
            "Evropská společnost",
            "European company",
        ],
        Some("932"),
    ),
];

pub(super) fn all() -> Vec<LegalForm> {
    FORMS
        .iter()
        .map(
            |Def(code, country, abbreviation, [de, cs, en], ares_code)| LegalForm {
                code,
                country: *country,
                abbreviation,
                name: Labels {
                    de: (*de).to_owned(),
                    cs: (*cs).to_owned(),
                    en: (*en).to_owned(),
                },
                ares_code: *ares_code,
            },
        )
        .collect()
}
