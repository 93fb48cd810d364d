from enum import StrEnum

class RegisterSource(StrEnum):
    ARES = "ares"
    HANDELSREGISTER = "handelsregister"

    def __str__(self) -> str:
        return str(self.value)
