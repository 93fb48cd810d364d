//! The search corpus: about forty hand-written organisations from both countries, each with
//! texts in one language only, so cross-language matches can come only from the glossary and
//! from the labels of industry codes and regions.

use domain::company::{Address, CompanyKind, CompanyName, CompanyStatus, NewCompany, SizeClass};
use domain::country::Country;
use domain::language::{Language, LocalizedText};
use domain::product::{NewProduct, ProductKind};
use domain::reference::NaceCode;

/// One organisation of the corpus.
struct Entry {
    name: &'static str,
    postal_code: &'static str,
    city: &'static str,
    kind: CompanyKind,
    nace: &'static [&'static str],
    size: Option<SizeClass>,
    verified: bool,
    language: Language,
    text: &'static str,
    products: &'static [(ProductKind, &'static str)],
}

const fn company(
    name: &'static str,
    postal_code: &'static str,
    city: &'static str,
    nace: &'static [&'static str],
    language: Language,
    text: &'static str,
) -> Entry {
    Entry {
        name,
        postal_code,
        city,
        kind: CompanyKind::Company,
        nace,
        size: Some(SizeClass::Small),
        verified: false,
        language,
        text,
        products: &[],
    }
}

use Language::{Cs, De, En};

/// A Czech draft that mentions milling: no search may ever show it.
pub const DRAFT: &str = "Skrytá firma Doležal";

fn entries() -> Vec<(Country, Entry)> {
    let cz = |entry| (Country::Czechia, entry);
    let de = |entry| (Country::Germany, entry);
    vec![
        cz(Entry {
            products: &[(ProductKind::Product, "Řezivo smrkové")],
            verified: true,
            ..company(
                "Pila Dvořák s.r.o.",
                "40502",
                "Děčín",
                &["16.10"],
                Cs,
                "Zpracování dřeva: řezivo, hranoly a palety ze smrku.",
            )
        }),
        cz(company(
            "Truhlářství Novák",
            "46001",
            "Liberec",
            &["16.23"],
            Cs,
            "Výroba oken, dveří a schodišť z masivu.",
        )),
        cz(Entry {
            size: Some(SizeClass::Medium),
            products: &[(ProductKind::Service, "Frézování hliníku")],
            ..company(
                "Strojírna Kučera a.s.",
                "40001",
                "Ústí nad Labem",
                &["25.62"],
                Cs,
                "CNC frézování a soustružení přesných dílů.",
            )
        }),
        cz(company(
            "Plasty Horák s.r.o.",
            "41501",
            "Teplice",
            &["22.29"],
            Cs,
            "Vstřikování plastů pro automobilový průmysl.",
        )),
        cz(company(
            "Kovovýroba Černý",
            "43401",
            "Most",
            &["25.11"],
            Cs,
            "Svařování ocelových konstrukcí a zámečnické práce.",
        )),
        cz(Entry {
            size: Some(SizeClass::Large),
            ..company(
                "Autodíly Veselý s.r.o.",
                "43001",
                "Chomutov",
                &["29.32"],
                Cs,
                "Komponenty pro výrobce automobilů.",
            )
        }),
        cz(company(
            "Sklárna Beneš",
            "46601",
            "Jablonec nad Nisou",
            &["23.13"],
            Cs,
            "Ruční výroba skleněných ozdob a lustrů.",
        )),
        cz(company(
            "Elektro Fiala s.r.o.",
            "47001",
            "Česká Lípa",
            &["26.12"],
            Cs,
            "Osazování desek plošných spojů a kabelové svazky.",
        )),
        cz(company(
            "Doprava Marek s.r.o.",
            "41201",
            "Litoměřice",
            &["49.41"],
            Cs,
            "Mezinárodní kamionová doprava a skladování.",
        )),
        cz(company(
            "Stavební firma Zeman",
            "36001",
            "Karlovy Vary",
            &["41.20"],
            Cs,
            "Výstavba rodinných domů a rekonstrukce.",
        )),
        cz(company(
            "Lázeňský hotel Cheb",
            "35002",
            "Cheb",
            &["55.10"],
            Cs,
            "Ubytování a wellness v západních Čechách.",
        )),
        cz(company(
            "Pivovar Kolář",
            "40502",
            "Děčín",
            &["11.05"],
            Cs,
            "Vaříme ležák a svrchně kvašená piva.",
        )),
        cz(Entry {
            kind: CompanyKind::ResearchInstitution,
            size: None,
            ..company(
                "Technická univerzita v Liberci",
                "46001",
                "Liberec",
                &["85.42"],
                Cs,
                "Výzkum textilních materiálů a nanovláken.",
            )
        }),
        cz(Entry {
            kind: CompanyKind::Multiplier,
            size: None,
            ..company(
                "Hospodářská komora Ústí",
                "40001",
                "Ústí nad Labem",
                &["94.11"],
                Cs,
                "Podpora podnikání a přeshraniční spolupráce.",
            )
        }),
        cz(company(
            "Dřevostavby Pokorný",
            "46001",
            "Liberec",
            &["16.23"],
            Cs,
            "Montované domy na klíč.",
        )),
        cz(company(
            "Softwarový vývoj Hájek",
            "40001",
            "Ústí nad Labem",
            &["62.01"],
            Cs,
            "Vývoj webových aplikací na zakázku.",
        )),
        cz(company(
            "Galvanovna Jelínek",
            "41501",
            "Teplice",
            &["25.61"],
            Cs,
            "Galvanické zinkování a niklování kovových dílů.",
        )),
        cz(company(
            "Pekárna Růžička",
            "43401",
            "Most",
            &["10.71"],
            Cs,
            "Chléb a pečivo z vlastní pekárny.",
        )),
        cz(company(
            "Textil Sedláček",
            "46601",
            "Jablonec nad Nisou",
            &["13.92"],
            Cs,
            "Šití pracovních oděvů a ložního prádla.",
        )),
        cz(company(
            DRAFT,
            "40001",
            "Ústí nad Labem",
            &["25.62"],
            Cs,
            "Frézování a soustružení.",
        )),
        de(Entry {
            size: Some(SizeClass::Medium),
            ..company(
                "Müller Holzverarbeitung GmbH",
                "02625",
                "Bautzen",
                &["16.10"],
                De,
                "Schnittholz und Hobelware aus sächsischer Fichte.",
            )
        }),
        de(company(
            "Schmidt Bautischlerei",
            "01067",
            "Dresden",
            &["43.32"],
            De,
            "Fenster und Türen aus Holz nach Maß.",
        )),
        de(Entry {
            verified: true,
            products: &[(ProductKind::Service, "Fräsen von Aluminium")],
            ..company(
                "Weber Präzisionstechnik GmbH",
                "09111",
                "Chemnitz",
                &["25.62"],
                De,
                "CNC-Fräsen und Drehen von Präzisionsteilen.",
            )
        }),
        de(company(
            "Fischer Kunststoffspritzguss GmbH",
            "08056",
            "Zwickau",
            &["22.29"],
            De,
            "Technische Teile für die Automobilindustrie.",
        )),
        de(company(
            "Becker Stahlbau GmbH",
            "02826",
            "Görlitz",
            &["25.11"],
            De,
            "Stahlkonstruktionen und Hallen, geschweißt.",
        )),
        de(company(
            "Straßenbau Hoffmann GmbH",
            "01796",
            "Dohma",
            &["42.11"],
            De,
            "Asphalt- und Pflasterarbeiten.",
        )),
        de(company(
            "Richter Elektronik GmbH",
            "09599",
            "Freiberg",
            &["26.12"],
            De,
            "SMD-Bestückung von Leiterplatten.",
        )),
        de(company(
            "Spedition Wolf GmbH",
            "08523",
            "Plauen",
            &["49.41"],
            De,
            "Internationale Transporte und Lagerlogistik.",
        )),
        de(company(
            "Krause Softwareentwicklung",
            "04109",
            "Leipzig",
            &["62.01"],
            De,
            "Individuelle Webanwendungen.",
        )),
        de(company(
            "Lehmann Galvanik GmbH",
            "01662",
            "Meißen",
            &["25.61"],
            De,
            "Verzinken und Vernickeln von Metallteilen.",
        )),
        de(Entry {
            kind: CompanyKind::ResearchInstitution,
            size: None,
            verified: true,
            ..company(
                "Institut für Werkstoffforschung Dresden",
                "01067",
                "Dresden",
                &["72.19"],
                De,
                "Forschung zu Werkstoffen und Beschichtungen.",
            )
        }),
        de(Entry {
            kind: CompanyKind::Multiplier,
            size: None,
            ..company(
                "Wirtschaftskammer Dresden",
                "01067",
                "Dresden",
                &["94.11"],
                De,
                "Wirtschaftsförderung und grenzüberschreitende Kooperation.",
            )
        }),
        de(company(
            "Neumann Metallbau",
            "02625",
            "Bautzen",
            &["25.12"],
            De,
            "Metallbearbeitung, Geländer und Tore.",
        )),
        de(company(
            "Bäckerei Schwarz",
            "02826",
            "Görlitz",
            &["10.71"],
            De,
            "Brot, Brötchen und Kuchen täglich frisch.",
        )),
        de(company(
            "Hartmann Automation GmbH",
            "09111",
            "Chemnitz",
            &["28.99"],
            De,
            "Sondermaschinenbau und Robotik für die Fertigung.",
        )),
        de(company(
            "Brauerei Lange",
            "01445",
            "Radebeul",
            &["11.05"],
            De,
            "Sächsisches Landbier.",
        )),
        de(company(
            "Seidel Sägewerk",
            "02763",
            "Bertsdorf-Hörnitz",
            &["16.10"],
            De,
            "Lohnschnitt in der Oberlausitz.",
        )),
        de(company(
            "Böhme Glas GmbH",
            "01067",
            "Dresden",
            &["23.19"],
            De,
            "Technisches Glas und Glasbearbeitung.",
        )),
        de(company(
            "Zimmermann Verpackung",
            "08523",
            "Plauen",
            &["17.21"],
            De,
            "Kartonagen aus Wellpappe.",
        )),
        de(company(
            "Günther Werkzeugbau",
            "08056",
            "Zwickau",
            &["25.73"],
            De,
            "Werkzeugbau und Formenbau für Spritzgusswerkzeuge.",
        )),
        de(company(
            "Dresden Photonics",
            "01067",
            "Dresden",
            &["26.70"],
            En,
            "Laser cutting and optical components.",
        )),
    ]
}

fn localized(language: Language, text: &str) -> LocalizedText {
    let mut localized = LocalizedText::default();
    let slot = match language {
        De => &mut localized.de,
        Cs => &mut localized.cs,
        En => &mut localized.en,
    };
    *slot = Some(text.to_owned());
    localized
}

/// The corpus as profiles ready to insert.
pub fn companies() -> Vec<NewCompany> {
    entries()
        .into_iter()
        .map(|(country, entry)| NewCompany {
            kind: entry.kind,
            name: CompanyName::parse(entry.name).expect("corpus name"),
            legal_form: None,
            register_id: None,
            vat_id: None,
            address: Address::locate(
                country,
                None,
                Some(entry.postal_code.to_owned()),
                Some(entry.city.to_owned()),
            )
            .expect("corpus postal codes are well-formed"),
            nace: entry
                .nace
                .iter()
                .map(|code| NaceCode::parse(code).expect("corpus NACE codes exist"))
                .collect(),
            size_class: entry.size,
            founded_on: None,
            website: None,
            email: None,
            phone: None,
            description: localized(entry.language, entry.text),
            languages: Vec::new(),
            contacts: Vec::new(),
            products: entry
                .products
                .iter()
                .map(|&(kind, name)| NewProduct {
                    kind,
                    name: localized(entry.language, name),
                    description: LocalizedText::default(),
                    nace: Vec::new(),
                    keywords: Vec::new(),
                    image_url: None,
                })
                .collect(),
            status: if entry.name == DRAFT {
                CompanyStatus::Draft
            } else {
                CompanyStatus::Published
            },
            verified: entry.verified,
        })
        .collect()
}
