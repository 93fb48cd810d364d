from enum import StrEnum

class ParticipationKind(StrEnum):
    EXHIBITOR = "exhibitor"
    VISITOR = "visitor"

    def __str__(self) -> str:
        return str(self.value)
