use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;

use super::legal_form::{self, LegalForm};
use super::nace::{self, NaceEntry};
use super::postal::{self, PostalPlace};
use super::region::{self, Region};
use crate::country::Country;
use crate::text::fold;

/// A reference label in all three platform languages (reference data is always complete).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Labels {
    pub de: String,
    pub cs: String,
    pub en: String,
}

/// All reference data, parsed once from the embedded files and indexed for lookups.
#[derive(Debug)]
pub struct Catalog {
    nace: Vec<NaceEntry>,
    nace_index: HashMap<String, usize>,
    regions: Vec<Region>,
    postal: Vec<PostalPlace>,
    postal_index: HashMap<(Country, String), Vec<usize>>,
    legal_forms: Vec<LegalForm>,
    fingerprint: String,
}

static CATALOG: LazyLock<Catalog> = LazyLock::new(Catalog::load);

impl Catalog {
    /// The embedded catalogue. The files are part of the build, so a parse failure is a bug
    /// caught by this crate's tests, never a runtime condition.
    pub fn get() -> &'static Catalog {
        &CATALOG
    }

    fn load() -> Catalog {
        let nace = nace::load();
        let nace_index = nace
            .iter()
            .enumerate()
            .map(|(i, e)| (e.code.clone(), i))
            .collect();
        let postal = postal::load();
        let mut postal_index: HashMap<(Country, String), Vec<usize>> = HashMap::new();
        for (i, p) in postal.iter().enumerate() {
            postal_index
                .entry((p.country, p.postal_code.clone()))
                .or_default()
                .push(i);
        }
        let legal_forms = legal_form::all();
        let fingerprint = fingerprint(&nace, &postal, &legal_forms);
        Catalog {
            nace,
            nace_index,
            regions: region::load(),
            postal,
            postal_index,
            legal_forms,
            fingerprint,
        }
    }

    /// Changes whenever any reference row changes, so a database copy is refreshed only then.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    pub fn nace_entries(&self) -> &[NaceEntry] {
        &self.nace
    }

    pub fn nace(&self, code: &str) -> Option<&NaceEntry> {
        self.nace_index.get(code).map(|&i| &self.nace[i])
    }

    /// The code itself and every code below it in the hierarchy: for a section all its
    /// divisions, groups and classes; for a class just the class.
    pub fn nace_subtree(&self, code: &str) -> Vec<&str> {
        let Some(root) = self.nace(code) else {
            return Vec::new();
        };
        self.nace
            .iter()
            .filter(|e| e.code == root.code || self.is_nace_ancestor(&root.code, e))
            .map(|e| e.code.as_str())
            .collect()
    }

    fn is_nace_ancestor(&self, ancestor: &str, entry: &NaceEntry) -> bool {
        let mut parent = entry.parent.as_deref();
        while let Some(code) = parent {
            if code == ancestor {
                return true;
            }
            parent = self.nace(code).and_then(|e| e.parent.as_deref());
        }
        false
    }

    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    pub fn region(&self, code: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.code.as_str() == code)
    }

    /// The Czech region whose RÚIAN kraj code (ARES `kodKraje`) is `official_code`.
    pub fn region_by_official_code(
        &self,
        country: Country,
        official_code: &str,
    ) -> Option<&Region> {
        self.regions
            .iter()
            .find(|r| r.country == country && r.official_code == official_code)
    }

    pub fn postal_places(&self) -> &[PostalPlace] {
        &self.postal
    }

    /// The place a postal code belongs to. One code can cover several places; the one whose name
    /// matches `city` (ignoring case and diacritics) wins, otherwise the first listed.
    pub fn postal_place(
        &self,
        country: Country,
        postal_code: &str,
        city: Option<&str>,
    ) -> Option<&PostalPlace> {
        let candidates = self.postal_index.get(&(country, postal_code.to_owned()))?;
        // Czech places are often listed by district ("Liberec I - Staré Město"), so a place that
        // starts with the city's name is the next best match after an exact one.
        let matching = city.map(fold).and_then(|wanted| {
            let folded = |i: usize| fold(&self.postal[i].place);
            candidates
                .iter()
                .find(|&&i| folded(i) == wanted)
                .or_else(|| candidates.iter().find(|&&i| folded(i).starts_with(&wanted)))
        });
        matching.or(candidates.first()).map(|&i| &self.postal[i])
    }

    pub fn legal_forms(&self) -> &[LegalForm] {
        &self.legal_forms
    }

    pub fn legal_form(&self, code: &str) -> Option<&LegalForm> {
        self.legal_forms.iter().find(|f| f.code == code)
    }

    pub fn legal_form_by_ares_code(&self, ares_code: &str) -> Option<&LegalForm> {
        self.legal_forms
            .iter()
            .find(|f| f.ares_code == Some(ares_code))
    }
}

fn fingerprint(nace: &[NaceEntry], postal: &[PostalPlace], legal_forms: &[LegalForm]) -> String {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    include_str!("../../data/regions.csv").hash(&mut hasher);
    format!("{nace:?}{postal:?}{legal_forms:?}").hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::NaceLevel;

    #[test]
    fn loads_every_reference_row() {
        let catalog = Catalog::get();
        assert_eq!(catalog.nace_entries().len(), 996);
        assert_eq!(catalog.regions().len(), 27);
        assert_eq!(catalog.postal_places().len(), 3127);
        let programme = catalog
            .regions()
            .iter()
            .filter(|r| r.programme_area)
            .count();
        assert_eq!(programme, 12);
    }

    #[test]
    fn nace_levels_and_sections() {
        let catalog = Catalog::get();
        let count = |level| {
            catalog
                .nace_entries()
                .iter()
                .filter(|e| e.level == level)
                .count()
        };
        assert_eq!(count(NaceLevel::Section), 21);
        assert_eq!(count(NaceLevel::Division), 88);
        assert_eq!(count(NaceLevel::Group), 272);
        assert_eq!(count(NaceLevel::Class), 615);
        let sawmill = catalog.nace("16.10").expect("16.10 exists");
        assert_eq!(sawmill.section, "C");
        assert_eq!(sawmill.parent.as_deref(), Some("16.1"));
    }

    #[test]
    fn nace_subtree_covers_everything_below() {
        let catalog = Catalog::get();
        let wood = catalog.nace_subtree("16");
        assert!(wood.contains(&"16") && wood.contains(&"16.1") && wood.contains(&"16.29"));
        assert!(!wood.contains(&"17.11"));
        assert_eq!(wood.len(), 1 + 2 + 6);
        let manufacturing = catalog.nace_subtree("C");
        assert!(manufacturing.contains(&"10.11") && manufacturing.contains(&"33.20"));
        assert!(!manufacturing.contains(&"01.11"));
        assert_eq!(catalog.nace_subtree("16.10"), vec!["16.10"]);
        assert!(catalog.nace_subtree("99.99").is_empty());
    }

    #[test]
    fn postal_codes_resolve_to_regions() {
        let catalog = Catalog::get();
        let dresden = catalog
            .postal_place(Country::Germany, "01067", None)
            .expect("Dresden postal code");
        assert_eq!(dresden.nuts3, "DED21");
        let liberec = catalog
            .postal_place(Country::Czechia, "46001", Some("liberec"))
            .expect("Liberec postal code");
        assert_eq!(liberec.nuts3, "CZ051");
        assert!(
            catalog
                .postal_place(Country::Germany, "99999", None)
                .is_none()
        );
    }

    #[test]
    fn ares_region_and_legal_form_codes() {
        let catalog = Catalog::get();
        let usti = catalog.region_by_official_code(Country::Czechia, "60");
        assert_eq!(usti.map(|r| r.code.as_str()), Some("CZ042"));
        let sro = catalog.legal_form_by_ares_code("112").expect("s.r.o.");
        assert_eq!(sro.abbreviation, "s.r.o.");
        assert_eq!(
            catalog.legal_form("de_gmbh").map(|f| f.country),
            Some(Country::Germany)
        );
    }
}
