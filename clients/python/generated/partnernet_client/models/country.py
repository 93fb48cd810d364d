from enum import StrEnum

class Country(StrEnum):
    CZ = "CZ"
    DE = "DE"

    def __str__(self) -> str:
        return str(self.value)
