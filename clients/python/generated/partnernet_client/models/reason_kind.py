from enum import StrEnum

class ReasonKind(StrEnum):
    ACTIVITY_ANSWERS_REQUEST = "activity_answers_request"
    CROSS_BORDER = "cross_border"
    NEARBY = "nearby"
    OFFER_ANSWERS_REQUEST = "offer_answers_request"
    REQUEST_MATCHES_ACTIVITY = "request_matches_activity"
    REQUEST_MATCHES_PRODUCT = "request_matches_product"
    SAME_EVENT = "same_event"
    SUPPLIES_ACTIVITY = "supplies_activity"

    def __str__(self) -> str:
        return str(self.value)
