from enum import StrEnum

class OpportunityType(StrEnum):
    BUSINESS_OFFER = "business_offer"
    BUSINESS_REQUEST = "business_request"
    RESEARCH_REQUEST = "research_request"
    TECHNOLOGY_OFFER = "technology_offer"
    TECHNOLOGY_REQUEST = "technology_request"

    def __str__(self) -> str:
        return str(self.value)
