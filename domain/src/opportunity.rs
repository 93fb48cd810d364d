//! Cooperation opportunities: what an organisation offers or seeks, modelled on the partnering
//! profiles of the Enterprise Europe Network.

use chrono::{Months, NaiveDate};

use crate::InvalidValue;
use crate::country::Country;
use crate::language::LocalizedText;
use crate::reference::{NaceCode, RegionCode};

string_enum!(
    /// What an opportunity offers or asks for.
    OpportunityType, "unknown_opportunity_type", "type of opportunity" {
        BusinessOffer = "business_offer",
        BusinessRequest = "business_request",
        TechnologyOffer = "technology_offer",
        TechnologyRequest = "technology_request",
        ResearchRequest = "research_request",
    }
);

string_enum!(
    /// The kinds of partnership an opportunity seeks.
    PartnershipType, "unknown_partnership_type", "type of partnership" {
        Supplier = "supplier",
        Subcontracting = "subcontracting",
        ManufacturingAgreement = "manufacturing_agreement",
        DistributionAgency = "distribution_agency",
        JointVenture = "joint_venture",
        TechnicalCooperation = "technical_cooperation",
        ResearchCooperation = "research_cooperation",
        Licence = "licence",
    }
);

string_enum!(
    /// Drafts are the organisation's own; published opportunities are public while valid.
    OpportunityStatus, "unknown_opportunity_status", "opportunity status" {
        Draft = "draft",
        Published = "published",
    }
);

impl OpportunityType {
    /// Requests seek a partner; the other types offer something.
    pub fn is_request(self) -> bool {
        matches!(
            self,
            Self::BusinessRequest | Self::TechnologyRequest | Self::ResearchRequest
        )
    }
}

pub const MAX_TITLE: usize = 200;
pub const MAX_SUMMARY: usize = 500;
pub const MAX_DESCRIPTION: usize = 10_000;
/// How far ahead an opportunity may stay valid.
pub const MAX_VALIDITY_MONTHS: u32 = 12;

/// The last day an opportunity is valid: from today to a year ahead.
pub fn valid_until(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, InvalidValue> {
    let latest = today + Months::new(MAX_VALIDITY_MONTHS);
    if date < today {
        Err(InvalidValue::new(
            "in_the_past",
            format!("{date} has passed; an opportunity is valid until today or later"),
        ))
    } else if date > latest {
        Err(InvalidValue::new(
            "too_far_ahead",
            format!("an opportunity is valid for at most a year: until {latest} at the latest"),
        ))
    } else {
        Ok(date)
    }
}

/// An opportunity, valid and ready to be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct NewOpportunity {
    pub company_id: String,
    pub kind: OpportunityType,
    pub status: OpportunityStatus,
    /// At least one language has a title.
    pub title: LocalizedText,
    pub summary: LocalizedText,
    pub description: LocalizedText,
    pub nace: Vec<NaceCode>,
    pub keywords: Vec<String>,
    pub partnership_types: Vec<PartnershipType>,
    pub target_countries: Vec<Country>,
    pub target_regions: Vec<RegionCode>,
    pub valid_until: NaiveDate,
}

impl NewOpportunity {
    /// The title to sort by: the first of German, Czech, English that exists.
    pub fn sort_title(&self) -> &str {
        self.title
            .de
            .as_deref()
            .or(self.title.cs.as_deref())
            .or(self.title.en.as_deref())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_for_at_most_a_year() {
        let today = NaiveDate::from_ymd_opt(2027, 2, 28).expect("date");
        assert_eq!(valid_until(today, today), Ok(today));
        let year = NaiveDate::from_ymd_opt(2028, 2, 28).expect("date");
        assert_eq!(valid_until(year, today), Ok(year));
        assert!(valid_until(year.succ_opt().expect("date"), today).is_err());
        assert!(valid_until(today.pred_opt().expect("date"), today).is_err());
    }
}
