from enum import StrEnum

class ListEventsSort(StrEnum):
    DISTANCE = "distance"
    RELEVANCE = "relevance"
    START = "start"

    def __str__(self) -> str:
        return str(self.value)
