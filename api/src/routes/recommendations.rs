//! Partner recommendations for an organisation, each with the reasons that make it one.

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, get, web};
use chrono::NaiveDate;
use domain::language::Language;
use domain::opportunity::OpportunityType;
use domain::recommendation::Reason;
use persistence::opportunities::Text;
use search_index::SearchIndex;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::companies::corrupt;
use super::events::OrganisationRef;
use super::opportunities::OpportunityTypeDto;
use super::reference::CountryDto;
use crate::auth::Caller;
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::openapi::enums::domain_enum_schema;
use crate::policy::{self, Action};
use crate::recommend::{Recommendation, recommend};
use crate::{pagination, query};

domain_enum_schema!(
    /// The kinds of evidence behind a recommendation.
    ReasonKind for domain::recommendation::ReasonKind
);

/// The query of the recommendations.
#[derive(Debug, Deserialize, Validate, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RecommendationParams {
    /// The language of the reasons and titles (`de`, `cs`, `en`); without it, the caller's
    /// account language.
    #[param(value_type = Option<crate::routes::labels::Language>, example = "cs")]
    lang: Option<String>,
    /// How many recommendations.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100, default = 20)]
    limit: Option<String>,
}

/// One piece of evidence, in the requested language.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = RecommendationReason)]
pub struct ReasonDto {
    #[schema(value_type = ReasonKind)]
    pub kind: &'static str,
    /// What it adds to the score.
    pub points: u32,
    #[schema(
        example = "Open request “Suche Lohnfertiger für CNC-Frästeile” matches your product “CNC-Fräsen”."
    )]
    pub text: String,
}

/// A recommended opportunity.
#[derive(Debug, Serialize, ToSchema)]
pub struct RecommendedOpportunity {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: OpportunityTypeDto,
    /// In the requested language, else another.
    pub title: String,
    pub valid_until: NaiveDate,
    #[schema(example = "/v1/opportunities/0193e5a0-0000-7000-8000-0000000000b1")]
    pub href: String,
}

/// An organisation to get in touch with, or one of its opportunities, and why.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Recommendation)]
pub struct RecommendationDto {
    /// Evidence points; higher is a better match. Equal scores are in name order.
    pub score: u32,
    /// The organisation recommended, or the one that published `opportunity`.
    pub organisation: OrganisationRef,
    pub country: CountryDto,
    pub city: Option<String>,
    /// Set when the recommendation is this opportunity rather than the organisation itself.
    pub opportunity: Option<RecommendedOpportunity>,
    /// Strongest first.
    pub reasons: Vec<ReasonDto>,
}

/// An organisation's recommendations.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Recommendations)]
pub struct RecommendationsDto {
    pub items: Vec<RecommendationDto>,
}

impl RecommendationDto {
    fn new(found: Recommendation, language: Language) -> Result<Self, ApiError> {
        let company = found.organisation.row;
        let country = company
            .country
            .parse::<domain::country::Country>()
            .map_err(|_| corrupt("country", &company.country))?;
        let opportunity = found
            .opportunity
            .map(|o| {
                let kind = OpportunityType::parse(&o.row.kind)
                    .map_err(|_| corrupt("type", &o.row.kind))?;
                Ok::<_, ApiError>(RecommendedOpportunity {
                    title: o
                        .text(Text::Title)
                        .in_or_else(language)
                        .unwrap_or_default()
                        .to_owned(),
                    href: format!("/v1/opportunities/{}", o.row.id),
                    id: o.row.id,
                    kind: kind.into(),
                    valid_until: o.row.valid_until,
                })
            })
            .transpose()?;
        Ok(Self {
            score: found.score,
            organisation: OrganisationRef::new(company.id, company.name),
            country: country.into(),
            city: company.city,
            opportunity,
            reasons: found
                .reasons
                .iter()
                .map(|reason: &Reason| ReasonDto {
                    kind: reason.kind().as_str(),
                    points: reason.points(),
                    text: reason.explain(language),
                })
                .collect(),
        })
    }
}

/// Recommended partners and opportunities
///
/// For the organisation's members and administrators: organisations and open opportunities
/// ranked by evidence (requests that match the organisation's products or activities, offers
/// and organisations that answer its requests, suppliers of its activities, upcoming events it
/// shares, the border and the distance), each with its reasons in the caller's language. The
/// same data always gives the same order. See `docs/recommendations.md`.
#[utoipa::path(
    operation_id = "listRecommendations",
    tag = "companies",
    params(("id" = String, Path, description = "The organisation's id"), RecommendationParams),
    security(("user_token" = [])),
    responses(
        (status = 200, description = "The recommendations, best first", body = RecommendationsDto, headers(("Content-Language" = String, description = "The language of reasons and titles"))),
        (status = 400, description = "A parameter is malformed", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a member of the organisation, or an API key", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No organisation with this id is visible to the caller", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A parameter has an invalid value", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The database is busy or unreachable, or the search index is being built", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/companies/{id}/recommendations")]
pub async fn list(
    req: HttpRequest,
    caller: Caller,
    id: web::Path<String>,
    db: web::Data<Db>,
    index: web::Data<SearchIndex>,
) -> Result<HttpResponse, ApiError> {
    let user = caller.user()?.clone();
    let params: RecommendationParams = query::parse(&req)?;
    let asked: Option<Language> = query::optional("lang", params.lang.as_deref(), str::parse)?;
    let limit = pagination::limit(params.limit.as_deref())? as usize;
    let index = index.into_inner();
    let id = id.into_inner();
    let (found, language) = db
        .run(move |conn| {
            let (company, _) = policy::authorise(conn, &user, &id, Action::ReadRecommendations)?;
            let language = match asked {
                Some(language) => language,
                None => persistence::users::find(conn, &user.id)?
                    .and_then(|u| u.language.parse().ok())
                    .unwrap_or(Language::De),
            };
            let found = recommend(conn, &index, &company, language, limit)?;
            Ok((found, language))
        })
        .await?;
    let items = found
        .into_iter()
        .map(|r| RecommendationDto::new(r, language))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(HttpResponse::Ok()
        .insert_header((
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(language.as_str()),
        ))
        .insert_header((header::VARY, "Authorization"))
        .json(RecommendationsDto { items }))
}
