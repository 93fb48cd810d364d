from enum import StrEnum

class ListCompaniesSort(StrEnum):
    DISTANCE = "distance"
    NAME = "name"
    NEWEST = "newest"
    RELEVANCE = "relevance"

    def __str__(self) -> str:
        return str(self.value)
