from enum import StrEnum

class ChangeEntity(StrEnum):
    COMPANY = "company"
    EVENT = "event"
    OPPORTUNITY = "opportunity"
    PRODUCT = "product"

    def __str__(self) -> str:
        return str(self.value)
