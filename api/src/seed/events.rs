//! The demo's events: a handful on both sides of the border, in both languages, organised by
//! two chambers. Their dates follow the day the demo is seeded, so they are upcoming.

use chrono::{Duration, NaiveTime, Utc};
use domain::company::{Address, CompanyKind, CompanyName, CompanyStatus, NewCompany};
use domain::country::Country;
use domain::event::{Capacity, EventKind, EventStatus, EventTimeZone, NewEvent, Schedule, Venue};
use domain::language::{LocalizedText, SpokenLanguage};
use domain::reference::NaceCode;
use persistence::DbConn;

const IHK: &str = "IHK Chemnitz – Regionalkammer Erzgebirge";
const HK: &str = "Krajská hospodářská komora Ústeckého kraje";

fn text(de: Option<&str>, cs: Option<&str>, en: Option<&str>) -> LocalizedText {
    LocalizedText {
        de: de.map(str::to_owned),
        cs: cs.map(str::to_owned),
        en: en.map(str::to_owned),
    }
}

fn address(country: Country, street: &str, postal_code: &str, city: &str) -> Address {
    Address::locate(
        country,
        Some(street.into()),
        Some(postal_code.into()),
        Some(city.into()),
    )
    .expect("a postal code of the catalogue")
}

fn chamber(name: &str, address: Address, description: LocalizedText) -> NewCompany {
    NewCompany {
        kind: CompanyKind::Multiplier,
        name: CompanyName::parse(name).expect("a valid name"),
        legal_form: None,
        register_id: None,
        vat_id: None,
        address,
        nace: vec![NaceCode::parse("94.11").expect("a NACE code of the catalogue")],
        size_class: None,
        founded_on: None,
        website: None,
        email: None,
        phone: None,
        description,
        languages: ["de", "cs"]
            .map(|l| SpokenLanguage::parse(l).expect("a language code"))
            .into(),
        contacts: Vec::new(),
        products: Vec::new(),
        status: CompanyStatus::Published,
        verified: true,
    }
}

/// The organisers of the demo's events.
pub fn organisers() -> [NewCompany; 2] {
    [
        chamber(
            IHK,
            address(
                Country::Germany,
                "Buchholzer Straße 1",
                "09456",
                "Annaberg-Buchholz",
            ),
            text(
                Some(
                    "Die Industrie- und Handelskammer im Erzgebirge: Beratung, Weiterbildung und grenzüberschreitende Kooperationsbörsen.",
                ),
                Some(
                    "Průmyslová a obchodní komora v Krušných horách: poradenství, vzdělávání a přeshraniční kooperační burzy.",
                ),
                None,
            ),
        ),
        chamber(
            HK,
            address(
                Country::Czechia,
                "Velká Hradební 1",
                "40001",
                "Ústí nad Labem",
            ),
            text(
                Some(
                    "Regionale Wirtschaftskammer der Region Ústí: Kontakte zu sächsischen Partnern.",
                ),
                Some(
                    "Krajská hospodářská komora: kontakty se saskými partnery, semináře a veletrhy.",
                ),
                None,
            ),
        ),
    ]
}

struct Plan {
    organiser: &'static str,
    kind: EventKind,
    title: LocalizedText,
    summary: LocalizedText,
    /// Days from today, and the local start and end hours.
    in_days: i64,
    hours: (u32, u32),
    zone: EventTimeZone,
    venue: Option<(&'static str, Address)>,
    online_url: Option<&'static str>,
    languages: &'static [&'static str],
    interpreting: bool,
    topics: &'static [&'static str],
    capacity: Capacity,
}

fn plans() -> Vec<Plan> {
    vec![
        Plan {
            organiser: IHK,
            kind: EventKind::CooperationExchange,
            title: text(
                Some("Zulieferbörse Erzgebirge"),
                Some("Burza subdodavatelů Krušné hory"),
                None,
            ),
            summary: text(
                Some(
                    "Über 50 Zulieferer aus Sachsen und Böhmen stellen Metallbearbeitung, Kunststofftechnik und Elektronik vor.",
                ),
                Some(
                    "Více než 50 subdodavatelů ze Saska a Čech představí obrábění kovů, plasty a elektroniku.",
                ),
                None,
            ),
            in_days: 45,
            hours: (9, 16),
            zone: EventTimeZone::Berlin,
            venue: Some((
                "Baldauf Villa",
                address(Country::Germany, "Gebirgsstraße 12", "09496", "Marienberg"),
            )),
            online_url: None,
            languages: &["de", "cs"],
            interpreting: true,
            topics: &["25", "28", "22"],
            capacity: Capacity {
                exhibitors: Some(50),
                visitors: Some(300),
            },
        },
        Plan {
            organiser: IHK,
            kind: EventKind::Workshop,
            title: text(
                Some("Liefern nach Tschechien: Zoll, Umsatzsteuer, Entsendung"),
                Some("Dodávky do Česka: clo, DPH, vysílání pracovníků"),
                None,
            ),
            summary: text(
                Some("Praxisworkshop für kleine und mittlere Unternehmen."),
                None,
                None,
            ),
            in_days: 20,
            hours: (13, 17),
            zone: EventTimeZone::Berlin,
            venue: Some((
                "IHK Dresden",
                address(Country::Germany, "Langer Weg 4", "01067", "Dresden"),
            )),
            online_url: None,
            languages: &["de"],
            interpreting: false,
            topics: &[],
            capacity: Capacity {
                exhibitors: Some(0),
                visitors: Some(30),
            },
        },
        Plan {
            organiser: HK,
            kind: EventKind::InformationEvent,
            title: text(
                Some("Infotag Interreg Sachsen–Tschechien"),
                Some("Informační den Interreg Sasko–Česko"),
                None,
            ),
            summary: text(
                None,
                Some("Jak získat dotaci na přeshraniční spolupráci firem a výzkumných institucí."),
                None,
            ),
            in_days: 30,
            hours: (10, 14),
            zone: EventTimeZone::Prague,
            venue: Some((
                "Krajský úřad",
                address(
                    Country::Czechia,
                    "Velká Hradební 3118",
                    "40001",
                    "Ústí nad Labem",
                ),
            )),
            online_url: None,
            languages: &["cs", "de"],
            interpreting: true,
            topics: &[],
            capacity: Capacity {
                exhibitors: Some(0),
                visitors: Some(80),
            },
        },
        Plan {
            organiser: HK,
            kind: EventKind::Matchmaking,
            title: text(
                Some("Kooperationstreffen Holz und Möbel"),
                Some("Kooperační setkání dřevo a nábytek"),
                None,
            ),
            summary: text(
                None,
                Some("Pily, truhlárny a výrobci nábytku z obou stran hranice hledají partnery."),
                None,
            ),
            in_days: 60,
            hours: (9, 15),
            zone: EventTimeZone::Prague,
            venue: Some((
                "Městské divadlo",
                address(Country::Czechia, "Palackého 4", "43001", "Chomutov"),
            )),
            online_url: None,
            languages: &["cs", "de"],
            interpreting: true,
            topics: &["16", "31"],
            capacity: Capacity {
                exhibitors: Some(20),
                visitors: None,
            },
        },
        Plan {
            organiser: IHK,
            kind: EventKind::Webinar,
            title: text(
                Some("Förderprogramme für grenzüberschreitende Projekte"),
                Some("Dotační programy pro přeshraniční projekty"),
                Some("Funding for cross-border projects"),
            ),
            summary: text(
                Some("Online, mit Simultandolmetschen."),
                Some("Online, se simultánním tlumočením."),
                None,
            ),
            in_days: 10,
            hours: (10, 11),
            zone: EventTimeZone::Berlin,
            venue: None,
            online_url: Some("https://partnernet.eu/webinar/foerderung"),
            languages: &["de", "cs"],
            interpreting: true,
            topics: &[],
            capacity: Capacity {
                exhibitors: Some(0),
                visitors: Some(500),
            },
        },
    ]
}

/// Stores the demo's events; their organisers must be stored already.
pub fn seed(conn: &mut DbConn) -> anyhow::Result<()> {
    let today = Utc::now().date_naive();
    for plan in plans() {
        let organiser_id = persistence::companies::named(conn, plan.organiser)?
            .ok_or_else(|| anyhow::anyhow!("the demo organiser {} is missing", plan.organiser))?;
        let day = today + Duration::days(plan.in_days);
        let at = |hour: u32| {
            let local = day.and_time(NaiveTime::from_hms_opt(hour, 0, 0).expect("an hour"));
            plan.zone
                .moment(&local.format("%Y-%m-%dT%H:%M").to_string())
                .map_err(|e| anyhow::anyhow!(e.message))
        };
        let starts_at = at(plan.hours.0)?;
        let schedule = Schedule::new(
            starts_at,
            at(plan.hours.1)?,
            plan.zone,
            Some(starts_at - Duration::days(2)),
        )
        .map_err(|(_, e)| anyhow::anyhow!(e.message))?;
        persistence::events::create(
            conn,
            &NewEvent {
                organiser_id,
                kind: plan.kind,
                status: EventStatus::Published,
                title: plan.title,
                summary: plan.summary,
                description: LocalizedText::default(),
                fee_note: LocalizedText::default(),
                schedule,
                venue: plan.venue.map(|(name, address)| Venue {
                    name: name.into(),
                    address,
                }),
                online_url: plan.online_url.map(str::to_owned),
                languages: plan
                    .languages
                    .iter()
                    .map(|l| SpokenLanguage::parse(l).expect("a language code"))
                    .collect(),
                interpreting: plan.interpreting,
                topics: plan
                    .topics
                    .iter()
                    .map(|t| NaceCode::parse(t).expect("a NACE code of the catalogue"))
                    .collect(),
                capacity: plan.capacity,
            },
        )?;
    }
    Ok(())
}
