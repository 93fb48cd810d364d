//! Gathering the evidence for a company's partner recommendations: a handful of index searches
//! (requests that match its products and activities, offers and organisations that answer its
//! requests, suppliers of its activities nearby) and its upcoming events' participant lists.
//! Weighing and explaining the evidence is `domain::recommendation`'s work.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use domain::company::CompanyStatus;
use domain::country::Country;
use domain::event::{EventStatus, RegistrationStatus};
use domain::language::{Language, LocalizedText};
use domain::opportunity::OpportunityType;
use domain::recommendation::{NEARBY_KM, Ranked, Ranking, Reason, nearby, supplier_divisions};
use domain::reference::NaceCode;
use domain::search::{Near, OpportunityFilters, SearchQuery, SearchRequest, Sort};
use persistence::DbConn;
use persistence::companies::{self, Company};
use persistence::opportunities::{self, Opportunity, Text, lines};
use persistence::{events, products, registrations};
use search_index::{SearchIndex, Target};

use crate::error::ApiError;

/// Products, own requests and upcoming events looked at: the evidence of a company's first
/// ones is plenty, and each costs a search.
const PRODUCTS: i64 = 10;
const REQUESTS: usize = 5;
const KEYWORDS_PER_REQUEST: usize = 3;
const EVENTS: usize = 5;
/// Results taken from each search, and participants from each event.
const PER_SEARCH: usize = 20;
const PARTICIPANTS: i64 = 50;

/// A recommended organisation, or an opportunity (with its organisation).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Candidate {
    Organisation(String),
    Opportunity(String),
}

/// A ranked recommendation with what it recommends, loaded.
#[derive(Debug)]
pub struct Recommendation {
    pub score: u32,
    pub reasons: Vec<Reason>,
    pub organisation: Company,
    pub opportunity: Option<Opportunity>,
}

/// Evidence for an opportunity that needs its title, which is loaded once for all.
enum About {
    Product(String),
    Activity,
    Request(String),
}

/// The best `limit` recommendations for `company`, explained for a reader of `language`.
pub fn recommend(
    conn: &mut DbConn,
    index: &SearchIndex,
    company: &Company,
    language: Language,
    limit: usize,
) -> Result<Vec<Recommendation>, ApiError> {
    let now = Utc::now();
    let searches = Searches { index, now };
    let own_codes: Vec<String> = company.nace.iter().map(|n| n.nace_code.clone()).collect();
    let mut ranking: Ranking<Candidate> = Ranking::default();
    let mut about: Vec<(String, About)> = Vec::new();

    // Open requests that match the company's products, word for word.
    for product in products::of_company(conn, &company.row.id, None, PRODUCTS)? {
        let name = LocalizedText {
            de: product.row.name_de.clone(),
            cs: product.row.name_cs.clone(),
            en: product.row.name_en.clone(),
        };
        let (Some(query), Some(shown)) = (name.in_or_else(Language::De), name.in_or_else(language))
        else {
            continue;
        };
        for id in searches.opportunities(Some(query), &[], true)? {
            about.push((id, About::Product(shown.to_owned())));
        }
    }
    // Open requests for the company's activities.
    for id in searches.opportunities(None, &own_codes, true)? {
        about.push((id, About::Activity));
    }
    // Offers and organisations that answer the company's own open requests.
    let today = now.date_naive();
    let own = opportunities::of_company(conn, &company.row.id, false, None, 100)?;
    let requests: Vec<&Opportunity> = own
        .iter()
        .filter(|o| o.row.valid_until >= today)
        .filter(|o| OpportunityType::parse(&o.row.kind).is_ok_and(OpportunityType::is_request))
        .take(REQUESTS)
        .collect();
    let mut answering: Vec<(Vec<String>, String, Vec<String>)> = Vec::new();
    for request in &requests {
        let title = request.text(Text::Title);
        let shown = title.in_or_else(language).unwrap_or_default().to_owned();
        let keywords: Vec<&str> = lines(&request.row.keywords)
            .take(KEYWORDS_PER_REQUEST)
            .collect();
        let queries = if keywords.is_empty() {
            title.in_or_else(Language::De).into_iter().collect()
        } else {
            keywords
        };
        for query in queries {
            for id in searches.opportunities(Some(query), &[], false)? {
                about.push((id, About::Request(shown.clone())));
            }
        }
        let codes: Vec<String> = lines(&request.row.nace).map(str::to_owned).collect();
        if !codes.is_empty() {
            let found = searches.organisations(&codes, company, None, None)?;
            answering.push((found, shown, codes));
        }
    }
    // Suppliers of the company's activities, across the border first, nearest first.
    let divisions: Vec<String> = own_codes.iter().map(|c| division(c).to_owned()).collect();
    let supplying: Vec<String> = divisions
        .iter()
        .flat_map(|d| supplier_divisions(d).iter().map(|s| (*s).to_owned()))
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let own_country: Option<Country> = company.row.country.parse().ok();
    let mut suppliers = Vec::new();
    if !supplying.is_empty() {
        let other = own_country.map(|c| match c {
            Country::Germany => Country::Czechia,
            Country::Czechia => Country::Germany,
        });
        let within = Some(NEARBY_KM);
        suppliers.extend(searches.organisations(&supplying, company, other, within)?);
        suppliers.extend(searches.organisations(&supplying, company, None, within)?);
    }
    // Organisations listed for the upcoming events the company takes part in.
    let mut met: Vec<(String, Reason)> = Vec::new();
    let taking_part: Vec<String> = registrations::of_company(conn, &company.row.id, None, 100)?
        .into_iter()
        .filter(|r| r.row.status != RegistrationStatus::Cancelled.as_str())
        .map(|r| r.row.event_id)
        .collect();
    let upcoming = events::by_ids(conn, &taking_part)?
        .into_iter()
        .filter(|e| e.row.status == EventStatus::Published.as_str())
        .filter(|e| e.row.starts_at > now.naive_utc())
        .take(EVENTS);
    for event in upcoming {
        let reason = Reason::SameEvent {
            event: event
                .text(events::Text::Title)
                .in_or_else(language)
                .unwrap_or_default()
                .to_owned(),
            starts: event.row.starts_at.date(),
        };
        for (registration, _) in registrations::listed(conn, &event.row.id, None, PARTICIPANTS)? {
            if registration.company_id != company.row.id {
                met.push((registration.company_id, reason.clone()));
            }
        }
    }

    // Load what the evidence names, then give every reason its words.
    let mut opportunity_ids: Vec<String> = about.iter().map(|(id, _)| id.clone()).collect();
    opportunity_ids.sort_unstable();
    opportunity_ids.dedup();
    let found: HashMap<String, Opportunity> = opportunities::by_ids(conn, &opportunity_ids)?
        .into_iter()
        .filter(|o| o.row.company_id != company.row.id)
        .map(|o| (o.row.id.clone(), o))
        .collect();
    for (id, evidence) in about {
        let Some(opportunity) = found.get(&id) else {
            continue;
        };
        let title = opportunity
            .text(Text::Title)
            .in_or_else(language)
            .unwrap_or_default()
            .to_owned();
        let reason = match evidence {
            About::Product(product) => Reason::RequestMatchesProduct {
                request: title,
                product,
            },
            About::Activity => {
                let Some(activity) = shared_code(
                    &own_codes,
                    &lines(&opportunity.row.nace).collect::<Vec<_>>(),
                ) else {
                    continue;
                };
                Reason::RequestMatchesActivity {
                    request: title,
                    activity,
                }
            }
            About::Request(request) => Reason::OfferAnswersRequest {
                offer: title,
                request,
            },
        };
        let key = Candidate::Opportunity(id);
        ranking.add(key, &opportunity.row.title_sort, reason);
    }
    let mut organisation_ids: Vec<String> = suppliers
        .iter()
        .chain(answering.iter().flat_map(|(found, _, _)| found))
        .chain(met.iter().map(|(id, _)| id))
        .filter(|id| **id != company.row.id)
        .cloned()
        .collect();
    organisation_ids.sort_unstable();
    organisation_ids.dedup();
    let organisations: HashMap<String, Company> = companies::by_ids(conn, &organisation_ids)?
        .into_iter()
        .filter(|c| c.row.status == CompanyStatus::Published.as_str())
        .map(|c| (c.row.id.clone(), c))
        .collect();
    for (id, organisation) in &organisations {
        let codes: Vec<&str> = organisation
            .nace
            .iter()
            .map(|n| n.nace_code.as_str())
            .collect();
        let key = Candidate::Organisation(id.clone());
        let name = &organisation.row.name_sort;
        for (found, request, wanted) in &answering {
            if found.contains(id)
                && let Some(activity) = shared_code(wanted, &codes)
            {
                let reason = Reason::ActivityAnswersRequest {
                    activity,
                    request: request.clone(),
                };
                ranking.add(key.clone(), name, reason);
            }
        }
        if suppliers.contains(id) {
            for own in &divisions {
                let supplies = supplier_divisions(own);
                if let Some(supplier) = codes
                    .iter()
                    .map(|c| division(c))
                    .find(|d| supplies.contains(d))
                {
                    let reason = Reason::SuppliesActivity {
                        supplier: supplier.to_owned(),
                        activity: own.clone(),
                    };
                    ranking.add(key.clone(), name, reason);
                }
            }
        }
    }
    for (id, reason) in met {
        if let Some(organisation) = organisations.get(&id) {
            ranking.add(
                Candidate::Organisation(id),
                &organisation.row.name_sort,
                reason,
            );
        }
    }

    // The border and the distance weigh on everything recommended.
    let from = company.row.latitude.zip(company.row.longitude);
    let where_of = |candidate: &Candidate| -> Option<(String, Option<(f64, f64)>)> {
        match candidate {
            Candidate::Organisation(id) => organisations
                .get(id)
                .map(|c| (c.row.country.clone(), c.row.latitude.zip(c.row.longitude))),
            Candidate::Opportunity(id) => found.get(id).map(|o| {
                let p = &o.publisher;
                (p.country.clone(), p.latitude.zip(p.longitude))
            }),
        }
    };
    let keys: Vec<Candidate> = ranking.keys().cloned().collect();
    for key in keys {
        let Some((country, place)) = where_of(&key) else {
            continue;
        };
        if let (Some(own), Ok(theirs)) = (own_country, country.parse::<Country>())
            && own != theirs
        {
            ranking.add(key.clone(), "", Reason::CrossBorder { country: theirs });
        }
        if let (Some((lat, lon)), Some((their_lat, their_lon))) = (from, place) {
            let point = Near {
                latitude: lat,
                longitude: lon,
                radius_km: None,
            };
            if let Some(reason) = nearby(point.distance_km(their_lat, their_lon)) {
                ranking.add(key.clone(), "", reason);
            }
        }
    }

    let mut publishers: Vec<String> = found
        .values()
        .map(|o| o.row.company_id.clone())
        .filter(|id| !organisations.contains_key(id))
        .collect();
    publishers.sort_unstable();
    publishers.dedup();
    let mut organisations = organisations;
    organisations.extend(
        companies::by_ids(conn, &publishers)?
            .into_iter()
            .map(|c| (c.row.id.clone(), c)),
    );
    let mut found = found;
    Ok(ranking
        .ranked(limit)
        .into_iter()
        .filter_map(
            |Ranked {
                 key,
                 score,
                 reasons,
             }| {
                let (organisation, opportunity) = match key {
                    Candidate::Organisation(id) => (organisations.get(&id)?.clone(), None),
                    Candidate::Opportunity(id) => {
                        let opportunity = found.remove(&id)?;
                        let organisation = organisations.get(&opportunity.row.company_id)?.clone();
                        (organisation, Some(opportunity))
                    }
                };
                Some(Recommendation {
                    score,
                    reasons,
                    organisation,
                    opportunity,
                })
            },
        )
        .collect())
}

/// A NACE code's division: its first two digits.
fn division(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

/// The first of `wanted` that one of `codes` falls under or above (a class is under its
/// division), as written in `wanted`.
fn shared_code(wanted: &[String], codes: &[&str]) -> Option<String> {
    wanted
        .iter()
        .find(|w| {
            codes
                .iter()
                .any(|c| c.starts_with(w.as_str()) || w.starts_with(c))
        })
        .cloned()
}

/// The index searches, all at the same moment.
struct Searches<'a> {
    index: &'a SearchIndex,
    now: chrono::DateTime<Utc>,
}

impl Searches<'_> {
    /// Valid published requests (`requests`) or offers that match every word of `query` and
    /// hold one of `codes`, when given.
    fn opportunities(
        &self,
        query: Option<&str>,
        codes: &[String],
        requests: bool,
    ) -> Result<Vec<String>, ApiError> {
        if query.is_none() && codes.is_empty() {
            return Ok(Vec::new());
        }
        let query = match query {
            Some(text) => match SearchQuery::parse(text, &self.index.glossary()) {
                Ok(query) => Some(query),
                // A product name or keyword no search can be made of is no evidence.
                Err(_) => return Ok(Vec::new()),
            },
            None => None,
        };
        let request = SearchRequest {
            query,
            nace: codes
                .iter()
                .filter_map(|c| NaceCode::parse(c).ok())
                .collect(),
            kinds: OpportunityType::ALL
                .iter()
                .filter(|t| t.is_request() == requests)
                .map(|t| t.as_str())
                .collect(),
            opportunities: OpportunityFilters {
                valid_at: Some(self.now),
                ..OpportunityFilters::default()
            },
            ..SearchRequest::default()
        };
        self.run(Target::Opportunities, &request)
    }

    /// Published organisations other than `company` holding one of `codes`, in `country` and
    /// within `radius_km` of the company when given, nearest to the company first (when it
    /// has a place).
    fn organisations(
        &self,
        codes: &[String],
        company: &Company,
        country: Option<Country>,
        radius_km: Option<f64>,
    ) -> Result<Vec<String>, ApiError> {
        let near = company
            .row
            .latitude
            .zip(company.row.longitude)
            .map(|(latitude, longitude)| Near {
                latitude,
                longitude,
                radius_km,
            });
        let request = SearchRequest {
            nace: codes
                .iter()
                .filter_map(|c| NaceCode::parse(c).ok())
                .collect(),
            country,
            near,
            sort: near.map(|_| Sort::Distance),
            ..SearchRequest::default()
        };
        let mut ids = self.run(Target::Companies, &request)?;
        ids.retain(|id| *id != company.row.id);
        Ok(ids)
    }

    /// The ids of the first results, of a text query only those matching all its words.
    fn run(&self, target: Target, request: &SearchRequest) -> Result<Vec<String>, ApiError> {
        let results = self.index.search_every_word(target, request, PER_SEARCH)?;
        Ok(results.hits.into_iter().map(|h| h.position.id).collect())
    }
}
