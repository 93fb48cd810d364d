from enum import StrEnum

class PartnershipStep(StrEnum):
    ACCEPT = "accept"
    DECLINE = "decline"
    END = "end"
    WITHDRAW = "withdraw"

    def __str__(self) -> str:
        return str(self.value)
