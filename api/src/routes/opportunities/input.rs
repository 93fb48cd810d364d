//! The writable fields of an opportunity and their validation.

use chrono::{NaiveDate, Utc};
use domain::InvalidValue;
use domain::country::Country;
use domain::opportunity::{
    MAX_DESCRIPTION, MAX_SUMMARY, MAX_TITLE, NewOpportunity, OpportunityStatus, OpportunityType,
    PartnershipType, valid_until,
};
use domain::reference::RegionCode;
use persistence::opportunities::{Opportunity, Text, lines};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{OpportunityStatusDto, OpportunityTypeDto, PartnershipTypeDto};
use crate::error::ApiError;
use crate::openapi::merge_patch::merge_patch_schema;
use crate::routes::companies::corrupt;
use crate::routes::companies::input::{Errors, industries};
use crate::routes::products::input::keywords;
use crate::routes::reference::CountryDto;
use crate::routes::texts::{TextInput, TitleInput};

/// An opportunity as its organisation's members write it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpportunityInput {
    /// The publishing organisation: one the caller is a member of. Cannot change later.
    #[schema(max_length = 64)]
    pub company_id: String,
    #[serde(rename = "type")]
    pub kind: OpportunityTypeDto,
    /// The title per language (at least one).
    pub title: TitleInput,
    /// A short summary per language, up to 500 characters.
    pub summary: Option<TextInput>,
    pub description: Option<TextInput>,
    /// NACE Rev. 2 codes at any level (`C`, `25`, `25.62`).
    #[serde(default)]
    #[schema(example = json!(["25.62"]), max_items = 20)]
    pub industries: Vec<String>,
    /// Free keywords, up to 30 of up to 60 characters.
    #[serde(default)]
    #[schema(example = json!(["CNC", "Lohnfertigung"]), max_items = 30)]
    pub keywords: Vec<String>,
    /// The kinds of partnership sought.
    #[serde(default)]
    #[schema(max_items = 8)]
    pub partnership_types: Vec<PartnershipTypeDto>,
    /// The countries partners are sought in; none: anywhere.
    #[serde(default)]
    #[schema(max_items = 2)]
    pub target_countries: Vec<CountryDto>,
    /// NUTS-3 regions partners are sought in; none: anywhere.
    #[serde(default)]
    #[schema(example = json!(["CZ042"]), max_items = 27)]
    pub target_regions: Vec<String>,
    /// The last day the opportunity is valid: today at the earliest, a year ahead at the latest.
    /// Afterwards it leaves the public lists by itself.
    pub valid_until: NaiveDate,
    /// `draft` (the default) or `published`.
    pub status: Option<OpportunityStatusDto>,
}

merge_patch_schema!(
    /// The body of `PATCH /v1/opportunities/{id}`.
    OpportunityPatch of OpportunityInput
);

/// The most regions a list names: all of Saxony's and Czechia's NUTS-3 regions.
const MAX_REGIONS: usize = 27;

impl OpportunityInput {
    /// Validates every field, naming each invalid one by JSON pointer.
    pub fn validate(self) -> Result<NewOpportunity, ApiError> {
        let mut errors = Errors::default();
        let title = self.title.validate(&mut errors, "/title", MAX_TITLE);
        let summary =
            TextInput::validate(self.summary.as_ref(), &mut errors, "/summary", MAX_SUMMARY);
        let description = TextInput::validate(
            self.description.as_ref(),
            &mut errors,
            "/description",
            MAX_DESCRIPTION,
        );
        let nace = industries(
            &mut errors,
            "/industries",
            &self.industries,
            &self.industries,
        );
        let keywords = keywords(&mut errors, "/keywords", &self.keywords);
        let mut partnership_types: Vec<PartnershipType> = Vec::new();
        for kind in self.partnership_types {
            let kind = PartnershipType::from(kind);
            if !partnership_types.contains(&kind) {
                partnership_types.push(kind);
            }
        }
        let mut target_countries: Vec<Country> = Vec::new();
        for country in self.target_countries {
            let country = Country::from(country);
            if !target_countries.contains(&country) {
                target_countries.push(country);
            }
        }
        let mut target_regions: Vec<RegionCode> = Vec::new();
        if self.target_regions.len() > MAX_REGIONS {
            errors.check::<()>(
                "/target_regions",
                Err(InvalidValue::new(
                    "too_many_items",
                    format!("at most {MAX_REGIONS} regions"),
                )),
            );
        }
        for (i, raw) in self.target_regions.iter().enumerate() {
            if let Some(region) =
                errors.check(&format!("/target_regions/{i}"), RegionCode::parse(raw))
                && !target_regions.contains(&region)
            {
                target_regions.push(region);
            }
        }
        let today = Utc::now().date_naive();
        let valid_until = errors.check("/valid_until", valid_until(self.valid_until, today));
        match (errors.0.is_empty(), valid_until) {
            (true, Some(valid_until)) => Ok(NewOpportunity {
                company_id: self.company_id,
                kind: self.kind.into(),
                status: self.status.map_or(OpportunityStatus::Draft, Into::into),
                title,
                summary,
                description,
                nace,
                keywords,
                partnership_types,
                target_countries,
                target_regions,
                valid_until,
            }),
            _ => Err(ApiError::InvalidBody(errors.0)),
        }
    }
}

impl TryFrom<&Opportunity> for OpportunityInput {
    type Error = ApiError;

    /// The stored opportunity in the shape members write it, for merging a patch into.
    fn try_from(opportunity: &Opportunity) -> Result<Self, ApiError> {
        let row = &opportunity.row;
        let kind = OpportunityType::parse(&row.kind).map_err(|_| corrupt("type", &row.kind))?;
        let status =
            OpportunityStatus::parse(&row.status).map_err(|_| corrupt("status", &row.status))?;
        Ok(OpportunityInput {
            company_id: row.company_id.clone(),
            kind: kind.into(),
            title: TitleInput::from(opportunity.text(Text::Title)),
            summary: TextInput::of(opportunity.text(Text::Summary)),
            description: TextInput::of(opportunity.text(Text::Description)),
            industries: lines(&row.nace).map(str::to_owned).collect(),
            keywords: lines(&row.keywords).map(str::to_owned).collect(),
            partnership_types: partnership_types(row)?,
            target_countries: target_countries(row)?,
            target_regions: lines(&row.target_regions).map(str::to_owned).collect(),
            valid_until: row.valid_until,
            status: Some(status.into()),
        })
    }
}

pub(super) fn partnership_types(
    row: &persistence::opportunities::OpportunityRow,
) -> Result<Vec<PartnershipTypeDto>, ApiError> {
    lines(&row.partnership_types)
        .map(|raw| {
            PartnershipType::parse(raw)
                .map(Into::into)
                .map_err(|_| corrupt("partnership type", raw))
        })
        .collect()
}

pub(super) fn target_countries(
    row: &persistence::opportunities::OpportunityRow,
) -> Result<Vec<CountryDto>, ApiError> {
    lines(&row.target_countries)
        .map(|raw| {
            raw.parse::<Country>()
                .map(Into::into)
                .map_err(|_| corrupt("target country", raw))
        })
        .collect()
}
