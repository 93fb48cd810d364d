from enum import StrEnum

class ApiScope(StrEnum):
    CHANGES = "changes"
    EXPORT = "export"
    READ = "read"
    STATS = "stats"
    WEBHOOKS = "webhooks"

    def __str__(self) -> str:
        return str(self.value)
