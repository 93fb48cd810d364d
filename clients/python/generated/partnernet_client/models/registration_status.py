from enum import StrEnum

class RegistrationStatus(StrEnum):
    CANCELLED = "cancelled"
    CONFIRMED = "confirmed"
    WAITING = "waiting"

    def __str__(self) -> str:
        return str(self.value)
