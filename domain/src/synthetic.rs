//! Deterministic, realistic synthetic companies for demos and benchmarks: the same count and seed
//! always give the same companies (names, legal forms, real postal codes and regions, NACE codes,
//! descriptions in German and Czech).

use chrono::NaiveDate;

use crate::account::Email;
use crate::company::{
    Address, CompanyKind, CompanyName, CompanyStatus, ContactPerson, NewCompany, Phone, RegisterId,
    SizeClass, Website,
};
use crate::country::Country;
use crate::language::{LocalizedText, SpokenLanguage};
use crate::product::{NewProduct, ProductKind};
use crate::reference::{Catalog, NaceCode, PostalPlace};
use crate::register::{GermanRegisterEntry, Ico, VatId};

/// An industry of the border region: its NACE classes and how companies in it talk about
/// themselves in each language.
struct Industry {
    nace: &'static [&'static str],
    kind: CompanyKind,
    name_de: &'static [&'static str],
    name_cs: &'static [&'static str],
    offer_de: &'static str,
    offer_cs: &'static str,
    offer_en: &'static str,
}

const INDUSTRIES: &[Industry] = &[
    Industry {
        nace: &["16.10", "16.24"],
        kind: CompanyKind::Company,
        name_de: &["Sägewerk", "Holzindustrie"],
        name_cs: &["Pila", "Dřevozpracující závod"],
        offer_de: "Schnittholz, Konstruktionsvollholz und Paletten aus heimischer Fichte und Kiefer",
        offer_cs: "řezivo, konstrukční hranoly a palety z domácího smrku a borovice",
        offer_en: "sawn timber, structural timber and pallets from local spruce and pine",
    },
    Industry {
        nace: &["16.23", "31.09"],
        kind: CompanyKind::Company,
        name_de: &["Tischlerei", "Holzbau"],
        name_cs: &["Truhlářství", "Dřevostavby"],
        offer_de: "Fenster, Türen, Treppen und Möbel aus Massivholz",
        offer_cs: "okna, dveře, schodiště a nábytek z masivního dřeva",
        offer_en: "windows, doors, stairs and furniture in solid wood",
    },
    Industry {
        nace: &["25.62", "25.61"],
        kind: CompanyKind::Company,
        name_de: &["Präzisionsmechanik", "CNC-Technik"],
        name_cs: &["Strojírna", "CNC obrábění"],
        offer_de: "CNC-Fräsen und Drehen von Präzisionsteilen in Klein- und Mittelserien",
        offer_cs: "CNC frézování a soustružení přesných dílů v malých a středních sériích",
        offer_en: "CNC milling and turning of precision parts in small and medium batches",
    },
    Industry {
        nace: &["25.11", "25.61"],
        kind: CompanyKind::Company,
        name_de: &["Stahlbau", "Metallbau"],
        name_cs: &["Ocelové konstrukce", "Kovovýroba"],
        offer_de: "Stahlkonstruktionen, Hallen und Treppen, geschweißt und feuerverzinkt",
        offer_cs: "ocelové konstrukce, haly a schodiště, svařované a žárově zinkované",
        offer_en: "steel structures, halls and stairs, welded and hot-dip galvanised",
    },
    Industry {
        nace: &["22.29", "22.21"],
        kind: CompanyKind::Company,
        name_de: &["Kunststofftechnik", "Kunststoffwerk"],
        name_cs: &["Plasty", "Výroba plastů"],
        offer_de: "Kunststoffspritzguss technischer Teile für die Automobil- und Elektroindustrie",
        offer_cs: "vstřikování technických plastových dílů pro automobilový a elektrotechnický průmysl",
        offer_en: "injection moulding of technical plastic parts for the automotive and electrical industries",
    },
    Industry {
        nace: &["29.32", "29.31"],
        kind: CompanyKind::Company,
        name_de: &["Fahrzeugteile", "Automotive Systems"],
        name_cs: &["Autodíly", "Automotive komponenty"],
        offer_de: "Komponenten und Baugruppen für Fahrzeughersteller und ihre Zulieferer",
        offer_cs: "komponenty a sestavy pro výrobce automobilů a jejich dodavatele",
        offer_en: "components and assemblies for vehicle makers and their suppliers",
    },
    Industry {
        nace: &["26.12", "27.12"],
        kind: CompanyKind::Company,
        name_de: &["Elektronik", "Elektroniksysteme"],
        name_cs: &["Elektronika", "Elektrotechnika"],
        offer_de: "Leiterplattenbestückung, Kabelkonfektion und Elektronikfertigung",
        offer_cs: "osazování desek plošných spojů, kabelové svazky a výroba elektroniky",
        offer_en: "circuit board assembly, cable harnesses and electronics manufacturing",
    },
    Industry {
        nace: &["23.13", "23.19"],
        kind: CompanyKind::Company,
        name_de: &["Glashütte", "Glasmanufaktur"],
        name_cs: &["Sklárna", "Sklářská huť"],
        offer_de: "mundgeblasenes Hohlglas, Glasveredelung und Gravur",
        offer_cs: "ručně foukané duté sklo, zušlechťování a rytí skla",
        offer_en: "mouth-blown hollow glass, glass finishing and engraving",
    },
    Industry {
        nace: &["13.20", "13.96"],
        kind: CompanyKind::Company,
        name_de: &["Weberei", "Textilwerk"],
        name_cs: &["Tkalcovna", "Textilní závod"],
        offer_de: "technische Textilien, Gewebe und Bänder",
        offer_cs: "technické textilie, tkaniny a stuhy",
        offer_en: "technical textiles, fabrics and tapes",
    },
    Industry {
        nace: &["10.71"],
        kind: CompanyKind::Company,
        name_de: &["Bäckerei", "Backhaus"],
        name_cs: &["Pekárna", "Pekařství"],
        offer_de: "Brot, Brötchen und Feingebäck aus regionalem Getreide",
        offer_cs: "chléb, pečivo a jemné pečivo z regionálního obilí",
        offer_en: "bread, rolls and pastries from regional grain",
    },
    Industry {
        nace: &["11.05"],
        kind: CompanyKind::Company,
        name_de: &["Brauerei", "Brauhaus"],
        name_cs: &["Pivovar", "Minipivovar"],
        offer_de: "Bier nach traditionellem Brauverfahren, Abfüllung in Flaschen und Fässer",
        offer_cs: "pivo vařené tradiční metodou, plnění do lahví a sudů",
        offer_en: "traditionally brewed beer, bottled and kegged",
    },
    Industry {
        nace: &["49.41", "52.29"],
        kind: CompanyKind::Company,
        name_de: &["Spedition", "Transporte"],
        name_cs: &["Doprava", "Spedice"],
        offer_de: "Güterverkehr und Logistik zwischen Sachsen und Tschechien",
        offer_cs: "nákladní doprava a logistika mezi Saskem a Českem",
        offer_en: "road haulage and logistics between Saxony and Czechia",
    },
    Industry {
        nace: &["52.10"],
        kind: CompanyKind::Company,
        name_de: &["Lagerlogistik", "Logistikzentrum"],
        name_cs: &["Skladování", "Logistické centrum"],
        offer_de: "Lagerhaltung, Kommissionierung und Distribution",
        offer_cs: "skladování, kompletace zakázek a distribuce",
        offer_en: "warehousing, order picking and distribution",
    },
    Industry {
        nace: &["41.20", "43.39"],
        kind: CompanyKind::Company,
        name_de: &["Bauunternehmen", "Hochbau"],
        name_cs: &["Stavební firma", "Pozemní stavby"],
        offer_de: "Hochbau, Sanierung und schlüsselfertiges Bauen",
        offer_cs: "pozemní stavby, rekonstrukce a výstavba na klíč",
        offer_en: "building construction, refurbishment and turnkey projects",
    },
    Industry {
        nace: &["43.21", "43.22"],
        kind: CompanyKind::Company,
        name_de: &["Elektroinstallation", "Gebäudetechnik"],
        name_cs: &["Elektroinstalace", "Technika budov"],
        offer_de: "Elektroinstallation, Heizung, Lüftung und Gebäudetechnik",
        offer_cs: "elektroinstalace, vytápění, vzduchotechnika a technická zařízení budov",
        offer_en: "electrical installation, heating, ventilation and building services",
    },
    Industry {
        nace: &["62.01", "62.02"],
        kind: CompanyKind::Company,
        name_de: &["Software", "IT-Systeme"],
        name_cs: &["Software", "IT systémy"],
        offer_de: "Individualsoftware, Webanwendungen und Digitalisierung für den Mittelstand",
        offer_cs: "software na zakázku, webové aplikace a digitalizace pro malé a střední firmy",
        offer_en: "custom software, web applications and digitalisation for SMEs",
    },
    Industry {
        nace: &["71.12"],
        kind: CompanyKind::Company,
        name_de: &["Ingenieurbüro", "Planungsbüro"],
        name_cs: &["Inženýrská kancelář", "Projekční kancelář"],
        offer_de: "Ingenieurleistungen, Konstruktion und Tragwerksplanung",
        offer_cs: "inženýrské služby, konstrukce a statické výpočty",
        offer_en: "engineering services, design and structural analysis",
    },
    Industry {
        nace: &["28.41", "28.99"],
        kind: CompanyKind::Company,
        name_de: &["Maschinenbau", "Sondermaschinenbau"],
        name_cs: &["Výroba strojů", "Strojírenská výroba"],
        offer_de: "Werkzeugmaschinen und Sondermaschinen für die Metallbearbeitung",
        offer_cs: "obráběcí a jednoúčelové stroje pro kovoobrábění",
        offer_en: "machine tools and special-purpose machines for metalworking",
    },
    Industry {
        nace: &["24.51", "24.53"],
        kind: CompanyKind::Company,
        name_de: &["Gießerei", "Gusswerk"],
        name_cs: &["Slévárna", "Slévárna kovů"],
        offer_de: "Grauguss, Sphäroguss und Aluminiumguss für den Maschinenbau",
        offer_cs: "odlitky z šedé a tvárné litiny a hliníku pro strojírenství",
        offer_en: "grey iron, ductile iron and aluminium castings for mechanical engineering",
    },
    Industry {
        nace: &["55.10", "56.10"],
        kind: CompanyKind::Company,
        name_de: &["Hotel", "Landgasthof"],
        name_cs: &["Hotel", "Penzion"],
        offer_de: "Übernachtung, Tagungsräume und regionale Küche im Grenzgebiet",
        offer_cs: "ubytování, konferenční prostory a regionální kuchyně v příhraničí",
        offer_en: "accommodation, meeting rooms and regional cuisine in the border area",
    },
    Industry {
        nace: &["72.19"],
        kind: CompanyKind::ResearchInstitution,
        name_de: &["Forschungsinstitut", "Institut für Werkstofftechnik"],
        name_cs: &["Výzkumný ústav", "Centrum materiálového výzkumu"],
        offer_de: "angewandte Forschung in Werkstofftechnik, Leichtbau und Oberflächentechnik",
        offer_cs: "aplikovaný výzkum v oblasti materiálů, lehkých konstrukcí a povrchových úprav",
        offer_en: "applied research in materials, lightweight construction and surface engineering",
    },
    Industry {
        nace: &["94.11"],
        kind: CompanyKind::Multiplier,
        name_de: &["Wirtschaftsverband", "Unternehmerverband"],
        name_cs: &["Hospodářská komora", "Svaz podnikatelů"],
        offer_de: "Interessenvertretung, Beratung und Kontaktvermittlung für Unternehmen der Region",
        offer_cs: "zastupování zájmů, poradenství a zprostředkování kontaktů pro firmy v regionu",
        offer_en: "advocacy, advice and matchmaking for companies of the region",
    },
    Industry {
        nace: &["84.13"],
        kind: CompanyKind::PublicBody,
        name_de: &["Wirtschaftsförderung"],
        name_cs: &["Agentura pro regionální rozvoj"],
        offer_de: "Wirtschaftsförderung, Ansiedlungsberatung und Fördermittelberatung",
        offer_cs: "podpora podnikání, poradenství při investicích a dotační poradenství",
        offer_en: "business development, investment advice and funding advice",
    },
];

const SURNAMES_DE: &[&str] = &[
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Richter",
    "Wolf",
    "Krause",
    "Lehmann",
    "Köhler",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Hartmann",
    "Lange",
    "Werner",
    "Günther",
    "Seidel",
    "Böhme",
];
const SURNAMES_CS: &[&str] = &[
    "Novák",
    "Svoboda",
    "Novotný",
    "Dvořák",
    "Černý",
    "Procházka",
    "Kučera",
    "Veselý",
    "Horák",
    "Němec",
    "Pokorný",
    "Marek",
    "Pospíšil",
    "Hájek",
    "Jelínek",
    "Král",
    "Růžička",
    "Beneš",
    "Fiala",
    "Sedláček",
    "Doležal",
    "Zeman",
    "Kolář",
    "Navrátil",
    "Čermák",
];
const GIVEN_NAMES_DE: &[&str] = &[
    "Anna",
    "Lukas",
    "Katrin",
    "Jens",
    "Sabine",
    "Thomas",
    "Franziska",
    "Stefan",
];

const GIVEN_NAMES_CS: &[&str] = &[
    "Jana", "Petr", "Lucie", "Martin", "Tereza", "Jiří", "Eva", "Tomáš",
];

const STREETS_DE: &[&str] = &[
    "Hauptstraße",
    "Bahnhofstraße",
    "Dresdner Straße",
    "Gewerbering",
    "Industriestraße",
    "Am Markt",
    "Lindenstraße",
    "Schulstraße",
    "Bautzener Straße",
    "Zittauer Straße",
];
const STREETS_CS: &[&str] = &[
    "Masarykova",
    "Nádražní",
    "Husova",
    "Průmyslová",
    "Palackého",
    "Tyršova",
    "Jiráskova",
    "Smetanova",
    "Komenského",
    "Žižkova",
];

/// Companies of this many kinds of legal forms per country, weighted by how common they are.
const FORMS_DE: &[(&str, &str, u32)] = &[
    ("de_gmbh", "GmbH", 50),
    ("de_ug", "UG (haftungsbeschränkt)", 8),
    ("de_gmbh_co_kg", "GmbH & Co. KG", 12),
    ("de_ek", "e. K.", 12),
    ("de_kg", "KG", 6),
    ("de_ag", "AG", 4),
    ("de_ohg", "OHG", 4),
    ("de_eg", "eG", 4),
];
const FORMS_CS: &[(&str, &str, u32)] = &[
    ("cz_sro", "s.r.o.", 70),
    ("cz_as", "a.s.", 15),
    ("cz_vos", "v.o.s.", 5),
    ("cz_ks", "k.s.", 5),
    ("cz_druzstvo", "družstvo", 5),
];

/// Generates `count` companies from `seed`. Ids in the registers are unique within one run and
/// derived from the seed, so runs with different seeds rarely collide.
pub fn generate(count: usize, seed: u64) -> impl Iterator<Item = NewCompany> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let offset = rng.u32(0..9_000_000);
    let catalog = Catalog::get();
    let (german, czech): (Vec<&PostalPlace>, Vec<&PostalPlace>) = catalog
        .postal_places()
        .iter()
        .partition(|p| p.country == Country::Germany);
    (0..count).map(move |i| {
        let serial = (offset + u32::try_from(i % 9_000_000).unwrap_or(0)) % 9_000_000 + 1_000_000;
        let (country, places) = if rng.bool() {
            (Country::Germany, &german)
        } else {
            (Country::Czechia, &czech)
        };
        let place = *rng_pick(&mut rng, places);
        company(&mut rng, country, place, serial)
    })
}

fn rng_pick<'a, T>(rng: &mut fastrand::Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(..items.len())]
}

fn weighted<'a>(
    rng: &mut fastrand::Rng,
    forms: &'a [(&'a str, &'a str, u32)],
) -> (&'a str, &'a str) {
    let total: u32 = forms.iter().map(|f| f.2).sum();
    let mut roll = rng.u32(..total);
    for &(code, abbreviation, weight) in forms {
        if roll < weight {
            return (code, abbreviation);
        }
        roll -= weight;
    }
    (forms[0].0, forms[0].1)
}

fn company(
    rng: &mut fastrand::Rng,
    country: Country,
    place: &PostalPlace,
    serial: u32,
) -> NewCompany {
    let industry = rng_pick(rng, INDUSTRIES);
    let german = country == Country::Germany;
    let city = place
        .place
        .split(" - ")
        .next()
        .unwrap_or(&place.place)
        .to_owned();
    let surname = *rng_pick(rng, if german { SURNAMES_DE } else { SURNAMES_CS });
    let stem = *rng_pick(
        rng,
        if german {
            industry.name_de
        } else {
            industry.name_cs
        },
    );
    let is_business = industry.kind == CompanyKind::Company;
    let (legal_form, abbreviation) = match (industry.kind, german) {
        (CompanyKind::Company, true) => weighted(rng, FORMS_DE),
        (CompanyKind::Company, false) => weighted(rng, FORMS_CS),
        // German business-development agencies are mostly GmbHs owned by a district or city.
        (CompanyKind::PublicBody, true) => ("de_gmbh", "GmbH"),
        (CompanyKind::PublicBody, false) => ("cz_po", "p.o."),
        (_, true) => ("de_ev", "e. V."),
        (_, false) => ("cz_zs", "z. s."),
    };
    let base = if !is_business {
        format!("{stem} {city}")
    } else if german {
        format!("{surname} {stem}")
    } else {
        format!("{stem} {surname}")
    };
    let name = if abbreviation.is_empty() {
        base
    } else {
        format!("{base} {abbreviation}")
    };
    let slug: String = crate::text::fold(&format!("{surname}-{stem}-{serial}"))
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let tld = if german { "de" } else { "cz" };

    let (register_id, vat_id) = if german {
        let register = match legal_form {
            "de_gmbh" | "de_ug" | "de_ag" => Some("HRB"),
            "de_gmbh_co_kg" | "de_ek" | "de_kg" | "de_ohg" => Some("HRA"),
            "de_eg" => Some("GnR"),
            "de_ev" => Some("VR"),
            _ => None,
        };
        let court = match place.nuts3.as_str() {
            code if code.starts_with("DED4") => "Chemnitz",
            code if code.starts_with("DED5") => "Leipzig",
            _ => "Dresden",
        };
        let entry = register.and_then(|r| {
            GermanRegisterEntry::parse(court, r, &(serial % 999_999 + 1).to_string()).ok()
        });
        let vat = VatId::parse(&format!("DE{:09}", rng.u32(100_000_000..999_999_999))).ok();
        (entry.map(RegisterId::German), vat.filter(|_| is_business))
    } else {
        let ico = ico_from_serial(serial);
        let vat = VatId::parse(&format!("CZ{ico}")).ok();
        (Some(RegisterId::Ico(ico)), vat.filter(|_| is_business))
    };

    let size_class = match rng.u8(..100) {
        0..50 => SizeClass::Micro,
        50..80 => SizeClass::Small,
        80..95 => SizeClass::Medium,
        _ => SizeClass::Large,
    };
    let founded_on =
        NaiveDate::from_ymd_opt(rng.i32(1990..=2024), rng.u32(1..=12), rng.u32(1..=28));
    let description = LocalizedText {
        de: Some(format!(
            "{name} aus {city}: {}. Wir suchen Partner und Kunden auf beiden Seiten der Grenze.",
            industry.offer_de
        )),
        cs: Some(format!(
            "{name}, {city}: {}. Hledáme partnery a zákazníky na obou stranách hranice.",
            capitalise(industry.offer_cs)
        )),
        en: rng
            .bool()
            .then(|| format!("{name}, {city}: {}.", capitalise(industry.offer_en))),
    };
    let mut languages = vec![if german { "de" } else { "cs" }];
    languages.extend(
        ["en", if german { "cs" } else { "de" }]
            .into_iter()
            .filter(|_| rng.bool()),
    );

    let contact = ContactPerson {
        name: format!(
            "{} {}",
            rng_pick(
                rng,
                if german {
                    GIVEN_NAMES_DE
                } else {
                    GIVEN_NAMES_CS
                }
            ),
            rng_pick(rng, if german { SURNAMES_DE } else { SURNAMES_CS })
        ),
        role: Some(if german { "Vertrieb" } else { "Obchod" }.to_owned()),
        email: Email::parse(&format!("kontakt@{slug}.{tld}")).ok(),
        phone: None,
        languages: languages
            .iter()
            .map(|l| SpokenLanguage::parse(l).expect("ISO codes"))
            .collect(),
    };

    let mut nace = vec![industry.nace[0]];
    if industry.nace.len() > 1 && rng.bool() {
        nace.push(industry.nace[1]);
    }
    NewCompany {
        kind: industry.kind,
        name: CompanyName::parse(&name).expect("generated names are valid"),
        legal_form: Some(legal_form),
        register_id,
        vat_id,
        address: Address::locate(
            country,
            Some(format!(
                "{} {}",
                rng_pick(rng, if german { STREETS_DE } else { STREETS_CS }),
                rng.u16(1..120)
            )),
            Some(place.postal_code.clone()),
            Some(city),
        )
        .expect("postal codes of the catalogue are well-formed"),
        nace: nace
            .into_iter()
            .map(|code| NaceCode::parse(code).expect("industry codes are NACE Rev. 2 classes"))
            .collect(),
        size_class: is_business.then_some(size_class),
        founded_on,
        website: Website::parse(&format!("https://www.{slug}.{tld}")).ok(),
        email: Email::parse(&format!("info@{slug}.{tld}")).ok(),
        phone: Phone::parse(&if german {
            format!("+49 {} {}", rng.u16(30..999), rng.u32(100_000..9_999_999))
        } else {
            format!(
                "+420 {} {:03} {:03}",
                rng.u16(400..499),
                rng.u16(..1000),
                rng.u16(..1000)
            )
        })
        .expect("generated phone numbers are valid"),
        description,
        languages: languages
            .into_iter()
            .map(|l| SpokenLanguage::parse(l).expect("ISO codes"))
            .collect(),
        contacts: vec![contact],
        products: products(rng, industry, is_business),
        status: if rng.u8(..100) < 95 {
            CompanyStatus::Published
        } else {
            CompanyStatus::Draft
        },
        verified: rng.u8(..100) < 30,
    }
}

/// One to five products or services named after the industry's offer, in all three languages:
/// three per company on average, as the benchmark assumes.
fn products(rng: &mut fastrand::Rng, industry: &Industry, is_business: bool) -> Vec<NewProduct> {
    let pieces =
        |offer: &'static str| -> Vec<&'static str> { offer.split(", ").map(str::trim).collect() };
    let (de, cs, en) = (
        pieces(industry.offer_de),
        pieces(industry.offer_cs),
        pieces(industry.offer_en),
    );
    let nace = industry
        .nace
        .iter()
        .map(|code| NaceCode::parse(code).expect("industry codes are NACE Rev. 2 classes"))
        .collect::<Vec<_>>();
    (0..rng.usize(1..=5))
        .map(|i| {
            let pick = |list: &[&str]| capitalise(list[i % list.len()]);
            let series = rng.u16(100..999);
            NewProduct {
                kind: if is_business && rng.u8(..100) < 70 {
                    ProductKind::Product
                } else {
                    ProductKind::Service
                },
                name: LocalizedText {
                    de: Some(format!("{} {series}", pick(&de))),
                    cs: Some(format!("{} {series}", pick(&cs))),
                    en: Some(format!("{} {series}", pick(&en))),
                },
                description: LocalizedText {
                    de: Some(capitalise(industry.offer_de)),
                    cs: Some(capitalise(industry.offer_cs)),
                    en: Some(capitalise(industry.offer_en)),
                },
                nace: vec![nace[i % nace.len()].clone()],
                keywords: vec![format!("{series}")],
                image_url: None,
            }
        })
        .collect()
}

/// Completes a seven-digit serial with its check digit into a valid IČO.
fn ico_from_serial(serial: u32) -> Ico {
    (0..10)
        .find_map(|check| Ico::parse(&format!("{serial:07}{check}")).ok())
        .expect("every seven-digit serial has exactly one check digit")
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_gives_same_companies() {
        let names = |seed| generate(20, seed).map(|c| c.name).collect::<Vec<_>>();
        assert_eq!(names(7), names(7));
        assert_ne!(names(7), names(8));
    }

    #[test]
    fn companies_are_complete_and_located() {
        for company in generate(200, 1) {
            assert!(!company.nace.is_empty());
            assert!(company.description.de.is_some() && company.description.cs.is_some());
            assert!(
                company.address.region.is_some(),
                "{company:?} has no region"
            );
            assert!(company.address.coordinates.is_some());
        }
    }

    #[test]
    fn register_ids_are_unique_within_a_run() {
        // Every company has one, so a re-run with the same seed can recognise all of them.
        let ids: Vec<_> = generate(5_000, 3)
            .map(|c| c.register_id.expect("register id"))
            .collect();
        let unique: std::collections::HashSet<_> = ids.iter().map(|id| format!("{id:?}")).collect();
        assert_eq!(unique.len(), ids.len());
    }
}
