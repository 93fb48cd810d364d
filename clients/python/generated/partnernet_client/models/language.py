from enum import StrEnum

class Language(StrEnum):
    CS = "cs"
    DE = "de"
    EN = "en"

    def __str__(self) -> str:
        return str(self.value)
