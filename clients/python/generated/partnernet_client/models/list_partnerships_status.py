from enum import StrEnum

class ListPartnershipsStatus(StrEnum):
    ACCEPTED = "accepted"
    DECLINED = "declined"
    ENDED = "ended"
    PROPOSED = "proposed"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
