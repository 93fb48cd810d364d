from enum import StrEnum

class ListOpportunitiesSort(StrEnum):
    DISTANCE = "distance"
    NAME = "name"
    NEWEST = "newest"
    RELEVANCE = "relevance"

    def __str__(self) -> str:
        return str(self.value)
