from enum import StrEnum

class RegisterStatus(StrEnum):
    DISSOLVED = "dissolved"
    REGISTERED = "registered"

    def __str__(self) -> str:
        return str(self.value)
