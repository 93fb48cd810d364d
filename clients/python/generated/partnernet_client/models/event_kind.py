from enum import StrEnum

class EventKind(StrEnum):
    COOPERATION_EXCHANGE = "cooperation_exchange"
    INFORMATION_EVENT = "information_event"
    MATCHMAKING = "matchmaking"
    TRADE_FAIR = "trade_fair"
    WEBINAR = "webinar"
    WORKSHOP = "workshop"

    def __str__(self) -> str:
        return str(self.value)
