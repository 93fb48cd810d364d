from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.product_kind import ProductKind
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.industry_ref import IndustryRef
  from ..models.localized_text import LocalizedText
  from ..models.product_company import ProductCompany





T = TypeVar("T", bound="Product")



@_attrs_define
class Product:
    """ A product or service a company offers.

        Attributes:
            company (ProductCompany): The organisation offering a product.
            created_at (datetime.datetime):
            description (LocalizedText): A text its author wrote per language; a language without text is `null`.
            id (str):
            industries (list[IndustryRef]):
            keywords (list[str]):
            kind (ProductKind):
            name (LocalizedText): A text its author wrote per language; a language without text is `null`.
            updated_at (datetime.datetime):
            version (int): Increases with every change; the ETag is derived from it.
            distance_km (float | None | Unset): In searches with `near` or `near_postal_code`: the distance of the company
                in km
                (absent when its location is unknown).
            image_url (None | str | Unset):
     """

    company: ProductCompany
    created_at: datetime.datetime
    description: LocalizedText
    id: str
    industries: list[IndustryRef]
    keywords: list[str]
    kind: ProductKind
    name: LocalizedText
    updated_at: datetime.datetime
    version: int
    distance_km: float | None | Unset = UNSET
    image_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.industry_ref import IndustryRef # noqa: PLC0415
        from ..models.localized_text import LocalizedText # noqa: PLC0415
        from ..models.product_company import ProductCompany # noqa: PLC0415
        company = self.company.to_dict()

        created_at = self.created_at.isoformat()

        description = self.description.to_dict()

        id = self.id

        industries = []
        for industries_item_data in self.industries:
            industries_item = industries_item_data.to_dict()
            industries.append(industries_item)



        keywords = self.keywords



        kind = self.kind.value

        name = self.name.to_dict()

        updated_at = self.updated_at.isoformat()

        version = self.version

        distance_km: float | None | Unset
        if isinstance(self.distance_km, Unset):
            distance_km = UNSET
        else:
            distance_km = self.distance_km

        image_url: None | str | Unset
        if isinstance(self.image_url, Unset):
            image_url = UNSET
        else:
            image_url = self.image_url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "company": company,
            "created_at": created_at,
            "description": description,
            "id": id,
            "industries": industries,
            "keywords": keywords,
            "kind": kind,
            "name": name,
            "updated_at": updated_at,
            "version": version,
        })
        if distance_km is not UNSET:
            field_dict["distance_km"] = distance_km
        if image_url is not UNSET:
            field_dict["image_url"] = image_url

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.industry_ref import IndustryRef # noqa: PLC0415
        from ..models.localized_text import LocalizedText # noqa: PLC0415
        from ..models.product_company import ProductCompany # noqa: PLC0415
        d = dict(src_dict)
        company = ProductCompany.from_dict(d.pop("company"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        description = LocalizedText.from_dict(d.pop("description"))




        id = d.pop("id")

        industries = []
        _industries = d.pop("industries")
        for industries_item_data in (_industries):
            industries_item = IndustryRef.from_dict(industries_item_data)



            industries.append(industries_item)


        keywords = cast(list[str], d.pop("keywords"))


        kind = ProductKind(d.pop("kind"))




        name = LocalizedText.from_dict(d.pop("name"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        version = d.pop("version")

        def _parse_distance_km(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        distance_km = _parse_distance_km(d.pop("distance_km", UNSET))


        def _parse_image_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image_url = _parse_image_url(d.pop("image_url", UNSET))


        product = cls(
            company=company,
            created_at=created_at,
            description=description,
            id=id,
            industries=industries,
            keywords=keywords,
            kind=kind,
            name=name,
            updated_at=updated_at,
            version=version,
            distance_km=distance_km,
            image_url=image_url,
        )


        product.additional_properties = d
        return product

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
