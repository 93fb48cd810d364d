from enum import StrEnum

class ProductKind(StrEnum):
    PRODUCT = "product"
    SERVICE = "service"

    def __str__(self) -> str:
        return str(self.value)
