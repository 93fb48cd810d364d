from enum import StrEnum

class NaceLevel(StrEnum):
    CLASS = "class"
    DIVISION = "division"
    GROUP = "group"
    SECTION = "section"

    def __str__(self) -> str:
        return str(self.value)
