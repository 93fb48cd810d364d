from enum import StrEnum

class NotificationKind(StrEnum):
    EVENT_CANCELLED = "event_cancelled"
    EVENT_CHANGED = "event_changed"
    INTEREST_EXPRESSED = "interest_expressed"
    OPPORTUNITY_EXPIRING = "opportunity_expiring"
    PARTNERSHIP_ACCEPTED = "partnership_accepted"
    PARTNERSHIP_DECLINED = "partnership_declined"
    PARTNERSHIP_ENDED = "partnership_ended"
    PARTNERSHIP_PROPOSED = "partnership_proposed"
    PARTNERSHIP_WITHDRAWN = "partnership_withdrawn"
    REGISTRATION_MOVED_UP = "registration_moved_up"
    WEBHOOK_PAUSED = "webhook_paused"

    def __str__(self) -> str:
        return str(self.value)
