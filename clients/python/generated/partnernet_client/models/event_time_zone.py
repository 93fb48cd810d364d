from enum import StrEnum

class EventTimeZone(StrEnum):
    EUROPEBERLIN = "Europe/Berlin"
    EUROPEPRAGUE = "Europe/Prague"

    def __str__(self) -> str:
        return str(self.value)
