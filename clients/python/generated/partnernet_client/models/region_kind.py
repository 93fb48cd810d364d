from enum import StrEnum

class RegionKind(StrEnum):
    KRAJ = "kraj"
    KREISFREIE_STADT = "kreisfreie_stadt"
    LANDKREIS = "landkreis"

    def __str__(self) -> str:
        return str(self.value)
