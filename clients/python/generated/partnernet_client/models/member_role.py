from enum import StrEnum

class MemberRole(StrEnum):
    EDITOR = "editor"
    OWNER = "owner"

    def __str__(self) -> str:
        return str(self.value)
