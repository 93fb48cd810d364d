from enum import StrEnum

class PartnershipStatus(StrEnum):
    ACCEPTED = "accepted"
    DECLINED = "declined"
    ENDED = "ended"
    PROPOSED = "proposed"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
