from enum import StrEnum

class PartnershipType(StrEnum):
    DISTRIBUTION_AGENCY = "distribution_agency"
    JOINT_VENTURE = "joint_venture"
    LICENCE = "licence"
    MANUFACTURING_AGREEMENT = "manufacturing_agreement"
    RESEARCH_COOPERATION = "research_cooperation"
    SUBCONTRACTING = "subcontracting"
    SUPPLIER = "supplier"
    TECHNICAL_COOPERATION = "technical_cooperation"

    def __str__(self) -> str:
        return str(self.value)
