use serde::Deserialize;

use crate::country::Country;

/// A place with a postal code and its centroid (GeoNames, CC BY 4.0).
#[derive(Debug, Clone)]
pub struct PostalPlace {
    pub country: Country,
    /// Five digits without a space; Czech "400 01" is `40001`, as in ARES `sidlo.psc`.
    pub postal_code: String,
    pub place: String,
    pub latitude: f64,
    pub longitude: f64,
    pub nuts3: String,
}

#[derive(Deserialize)]
struct Row {
    country: String,
    postal_code: String,
    place: String,
    lat: f64,
    lon: f64,
    nuts3: String,
}

pub(super) fn load() -> Vec<PostalPlace> {
    csv::Reader::from_reader(include_str!("../../data/postal_codes.csv").as_bytes())
        .deserialize()
        .map(|row| {
            let row: Row = row.expect("embedded postal_codes.csv parses");
            PostalPlace {
                country: row
                    .country
                    .parse()
                    .expect("postal_codes.csv holds DE and CZ only"),
                postal_code: row.postal_code,
                place: row.place,
                latitude: row.lat,
                longitude: row.lon,
                nuts3: row.nuts3,
            }
        })
        .collect()
}
