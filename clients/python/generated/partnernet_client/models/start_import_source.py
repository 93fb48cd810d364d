from enum import StrEnum

class StartImportSource(StrEnum):
    ARES = "ares"
    HANDELSREGISTER = "handelsregister"

    def __str__(self) -> str:
        return str(self.value)
