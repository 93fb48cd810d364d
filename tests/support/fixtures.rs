//! Hand-made companies whose every field the tests know.

use chrono::NaiveDate;
use domain::account::Email;
use domain::company::{
    Address, CompanyKind, CompanyName, CompanyStatus, ContactPerson, NewCompany, Phone, RegisterId,
    SizeClass, Website,
};
use domain::country::Country;
use domain::language::{LocalizedText, SpokenLanguage};
use domain::reference::NaceCode;
use domain::register::{GermanRegisterEntry, Ico, VatId};

/// A published company of `country` at `postal_code` with the given NACE codes (primary first).
pub fn company(name: &str, country: Country, postal_code: &str, nace: &[&str]) -> NewCompany {
    NewCompany {
        kind: CompanyKind::Company,
        name: CompanyName::parse(name).expect("fixture name"),
        legal_form: None,
        register_id: None,
        vat_id: None,
        address: Address::locate(country, None, Some(postal_code.to_owned()), None)
            .expect("fixture postal code"),
        nace: nace
            .iter()
            .map(|code| NaceCode::parse(code).expect("fixture NACE code"))
            .collect(),
        size_class: None,
        founded_on: None,
        website: None,
        email: None,
        phone: None,
        description: LocalizedText::default(),
        languages: Vec::new(),
        contacts: Vec::new(),
        products: Vec::new(),
        status: CompanyStatus::Published,
        verified: false,
    }
}

/// A Czech sawmill in Ústí nad Labem with every field set, described only in Czech.
pub fn czech_sawmill() -> NewCompany {
    NewCompany {
        kind: CompanyKind::Company,
        name: CompanyName::parse("Pila Dvořák s.r.o.").expect("valid name"),
        legal_form: Some("cz_sro"),
        register_id: Some(RegisterId::Ico(Ico::parse("26168685").expect("valid IČO"))),
        vat_id: Some(VatId::parse("CZ26168685").expect("valid DIČ")),
        address: Address::locate(
            Country::Czechia,
            Some("Průmyslová 12".into()),
            Some("400 01".into()),
            Some("Ústí nad Labem".into()),
        )
        .expect("valid address"),
        nace: vec![
            NaceCode::parse("16.10").expect("sawmilling"),
            NaceCode::parse("46.73").expect("wholesale of wood"),
        ],
        size_class: Some(SizeClass::Small),
        founded_on: NaiveDate::from_ymd_opt(1998, 3, 14),
        website: Website::parse("https://www.pila-dvorak.cz").ok(),
        email: Email::parse("info@pila-dvorak.cz").ok(),
        phone: Phone::parse("+420 475 123 456").expect("valid phone"),
        description: LocalizedText {
            de: None,
            cs: Some("Zpracování dřeva, řezivo a palety.".into()),
            en: None,
        },
        languages: vec![
            SpokenLanguage::parse("cs").expect("iso"),
            SpokenLanguage::parse("de").expect("iso"),
        ],
        contacts: vec![ContactPerson {
            name: "Jana Dvořáková".into(),
            role: Some("Obchod".into()),
            email: Some(Email::parse("jana@pila-dvorak.cz").expect("valid e-mail")),
            phone: Phone::parse("+420 602 111 222").expect("valid phone"),
            languages: vec![SpokenLanguage::parse("cs").expect("iso")],
        }],
        products: Vec::new(),
        status: CompanyStatus::Published,
        verified: true,
    }
}

/// A German machining company in Bautzen entered in the Handelsregister.
pub fn german_machining() -> NewCompany {
    NewCompany {
        legal_form: Some("de_gmbh"),
        register_id: Some(RegisterId::German(
            GermanRegisterEntry::parse("Amtsgericht Dresden", "HRB", "12345").expect("entry"),
        )),
        description: LocalizedText {
            de: Some("CNC-Fräsen und Drehen.".into()),
            cs: None,
            en: None,
        },
        ..company(
            "Müller Präzisionsmechanik GmbH",
            Country::Germany,
            "02625",
            &["25.62"],
        )
    }
}

pub fn research_institute() -> NewCompany {
    NewCompany {
        kind: CompanyKind::ResearchInstitution,
        ..company(
            "Institut für Leichtbau Chemnitz",
            Country::Germany,
            "09111",
            &["72.19"],
        )
    }
}

pub fn draft(name: &str) -> NewCompany {
    NewCompany {
        status: CompanyStatus::Draft,
        ..company(name, Country::Czechia, "46001", &["62.01"])
    }
}

/// The date `days` from today (UTC), as `YYYY-MM-DD`.
pub fn days_ahead(days: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}
