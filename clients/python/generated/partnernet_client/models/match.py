from enum import StrEnum

class Match(StrEnum):
    ALL = "all"
    PARTIAL = "partial"

    def __str__(self) -> str:
        return str(self.value)
