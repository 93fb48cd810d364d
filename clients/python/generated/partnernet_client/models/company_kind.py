from enum import StrEnum

class CompanyKind(StrEnum):
    COMPANY = "company"
    MULTIPLIER = "multiplier"
    PUBLIC_BODY = "public_body"
    RESEARCH_INSTITUTION = "research_institution"

    def __str__(self) -> str:
        return str(self.value)
