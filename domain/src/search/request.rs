//! What a directory search asks for: the query, filters, distance, order and facets.

use chrono::{DateTime, Utc};

use crate::InvalidValue;
use crate::company::SizeClass;
use crate::country::Country;
use crate::language::SpokenLanguage;
use crate::reference::{Catalog, NaceCode, RegionCode};

use super::query::SearchQuery;

string_enum!(
    /// The order of results.
    Sort, "unknown_sort", "sort order" {
        Relevance = "relevance",
        Name = "name",
        Distance = "distance",
        Newest = "newest",
    }
);

string_enum!(
    /// A dimension results can be counted by.
    Facet, "unknown_facet", "facet" {
        Country = "country",
        Region = "region",
        NaceSection = "nace_section",
        Kind = "kind",
        Size = "size",
        PartnershipType = "partnership_type",
    }
);

impl Sort {
    /// The order of a search that asked for `sort` and has a text query or not: relevance
    /// without a query is name order.
    pub fn effective(sort: Option<Sort>, has_query: bool) -> Sort {
        match (sort, has_query) {
            (Some(Sort::Relevance), false) => Sort::Name,
            (Some(sort), _) => sort,
            (None, true) => Sort::Relevance,
            (None, false) => Sort::Name,
        }
    }
}

/// Kilometres per degree of latitude (mean Earth radius 6,371 km).
pub const KM_PER_DEGREE: f64 = 111.195;
/// The largest search radius.
pub const MAX_RADIUS_KM: f64 = 500.0;

/// A point to measure distances from, and optionally how far results may be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Near {
    pub latitude: f64,
    pub longitude: f64,
    pub radius_km: Option<f64>,
}

impl Near {
    /// Parses `lat,lon` in decimal degrees (WGS 84).
    pub fn parse(raw: &str) -> Result<(f64, f64), InvalidValue> {
        let invalid = || {
            InvalidValue::new(
                "invalid_coordinates",
                format!("'{raw}' is not a position such as 51.05,13.74 (latitude,longitude)"),
            )
        };
        let (lat, lon) = raw.split_once(',').ok_or_else(invalid)?;
        let lat: f64 = lat.trim().parse().map_err(|_| invalid())?;
        let lon: f64 = lon.trim().parse().map_err(|_| invalid())?;
        if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) {
            Ok((lat, lon))
        } else {
            Err(invalid())
        }
    }

    /// The centroid of a postal code written `DE-01067` or `CZ-40001`.
    pub fn postal_code(raw: &str) -> Result<(f64, f64), InvalidValue> {
        let unknown = || {
            InvalidValue::new(
                "unknown_postal_code",
                format!("'{raw}' is not a known postal code such as DE-01067 or CZ-40001"),
            )
        };
        let (country, code) = raw.split_once('-').ok_or_else(unknown)?;
        let country: Country = country.parse().map_err(|_| unknown())?;
        let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        let place = Catalog::get()
            .postal_place(country, &code, None)
            .ok_or_else(unknown)?;
        Ok((place.latitude, place.longitude))
    }

    /// A radius in kilometres: more than 0, at most 500.
    pub fn radius(raw: &str) -> Result<f64, InvalidValue> {
        match raw.parse::<f64>() {
            Ok(r) if r > 0.0 && r <= MAX_RADIUS_KM => Ok(r),
            _ => Err(InvalidValue::new(
                "out_of_range",
                format!("'{raw}' is not a radius in km from 0 to {MAX_RADIUS_KM}"),
            )),
        }
    }

    /// How far east a degree of longitude reaches here, in km.
    pub fn km_per_degree_longitude(&self) -> f64 {
        KM_PER_DEGREE * self.latitude.to_radians().cos()
    }

    /// The distance to a point in km, by the equirectangular projection around this point: within
    /// 0.5 % of the great-circle distance for the few hundred kilometres of the region, and
    /// cheap enough to compute for every result of a search.
    pub fn distance_km(&self, latitude: f64, longitude: f64) -> f64 {
        let dy = (latitude - self.latitude) * KM_PER_DEGREE;
        let dx = (longitude - self.longitude) * self.km_per_degree_longitude();
        (dx * dx + dy * dy).sqrt()
    }
}

/// A search of companies or products. Every given criterion must hold; within a list (regions,
/// NACE codes, kinds, sizes) any one value is enough.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    pub query: Option<SearchQuery>,
    pub country: Option<Country>,
    pub regions: Vec<RegionCode>,
    /// Only the Interreg Sachsen–Česko programme area.
    pub programme_area: bool,
    /// NACE codes at any level; a code matches itself and every code below it.
    pub nace: Vec<NaceCode>,
    /// Company kinds or product kinds, by their written form.
    pub kinds: Vec<&'static str>,
    pub sizes: Vec<SizeClass>,
    pub verified: Option<bool>,
    pub has_products: Option<bool>,
    pub near: Option<Near>,
    pub sort: Option<Sort>,
    pub facets: Vec<Facet>,
    /// What only events have.
    pub events: EventFilters,
    /// What only opportunities have.
    pub opportunities: OpportunityFilters,
}

/// The filters of an event search.
#[derive(Debug, Clone, Default)]
pub struct EventFilters {
    /// Only events that have not ended at this moment.
    pub from: Option<DateTime<Utc>>,
    /// Only events that start before this moment.
    pub to: Option<DateTime<Utc>>,
    /// Only events held in one of these languages.
    pub languages: Vec<SpokenLanguage>,
    /// Only events with (`true`) or without (`false`) an online link.
    pub online: Option<bool>,
    /// Only events of these organisations.
    pub organisers: Vec<String>,
}

/// The filters of an opportunity search.
#[derive(Debug, Clone, Default)]
pub struct OpportunityFilters {
    /// Only opportunities still valid at this moment.
    pub valid_at: Option<DateTime<Utc>>,
    /// Only opportunities seeking one of these partnership types.
    pub partnership_types: Vec<&'static str>,
    /// Only opportunities aimed at one of these countries.
    pub target_countries: Vec<Country>,
    /// Only opportunities of these organisations.
    pub companies: Vec<String>,
}

impl SearchRequest {
    /// The NACE codes a result must hold one of: the requested codes and all codes below them.
    pub fn nace_codes(&self) -> Vec<&'static str> {
        let catalog = Catalog::get();
        let mut codes: Vec<&'static str> = self
            .nace
            .iter()
            .flat_map(|code| catalog.nace_subtree(code.as_str()))
            .collect();
        codes.sort_unstable();
        codes.dedup();
        codes
    }

    /// The order: as asked, else relevance for a text query and name otherwise.
    pub fn effective_sort(&self) -> Sort {
        Sort::effective(self.sort, self.query.is_some())
    }

    /// Checks the combinations single parameters cannot: sorting by distance needs a point.
    pub fn check(&self) -> Result<(), (&'static str, InvalidValue)> {
        if self.sort == Some(Sort::Distance) && self.near.is_none() {
            return Err((
                "sort",
                InvalidValue::new("needs_near", "sort=distance needs near or near_postal_code"),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nace_filter_expands_to_the_subtree_once() {
        let request = SearchRequest {
            nace: vec![
                NaceCode::parse("16").expect("division"),
                NaceCode::parse("16.10").expect("class"),
            ],
            ..SearchRequest::default()
        };
        let codes = request.nace_codes();
        assert_eq!(codes.len(), 9);
        assert!(codes.contains(&"16.10") && codes.contains(&"16.2"));
    }

    #[test]
    fn positions_and_postal_codes() {
        assert_eq!(Near::parse("51.05, 13.74"), Ok((51.05, 13.74)));
        for bad in ["51.05", "x,y", "91,0", "0,181", ""] {
            assert!(Near::parse(bad).is_err(), "{bad}");
        }
        assert!(Near::postal_code("DE-01067").is_ok());
        assert!(Near::postal_code("CZ-400 01").is_ok());
        assert!(Near::postal_code("DE-99999").is_err());
        assert!(Near::postal_code("01067").is_err());
        assert!(Near::radius("0").is_err() && Near::radius("501").is_err());
        assert!(Near::radius("NaN").is_err());
    }

    #[test]
    fn distances_are_close_to_great_circle_ones() {
        // Dresden to Prague: 119.2 km along the great circle.
        let dresden = Near {
            latitude: 51.0504,
            longitude: 13.7373,
            radius_km: None,
        };
        let km = dresden.distance_km(50.0755, 14.4378);
        assert!((km - 119.2).abs() < 0.6, "{km}");
    }

    #[test]
    fn sort_defaults_follow_the_query() {
        let mut request = SearchRequest::default();
        assert_eq!(request.effective_sort(), Sort::Name);
        request.sort = Some(Sort::Relevance);
        assert_eq!(request.effective_sort(), Sort::Name);
        request.sort = Some(Sort::Distance);
        assert!(request.check().is_err());
    }
}
