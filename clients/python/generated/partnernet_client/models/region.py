from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.country import Country
from ..models.region_kind import RegionKind
from typing import cast

if TYPE_CHECKING:
  from ..models.labels import Labels





T = TypeVar("T", bound="Region")



@_attrs_define
class Region:
    """ A NUTS-3 region of Saxony or Czechia.

        Attributes:
            code (str):  Example: DED2C.
            country (Country):
            kind (RegionKind):
            name (Labels): A reference label in every platform language. Example: {'cs': 'Pilařská výroba', 'de':
                'Sägewerke', 'en': 'Sawmilling'}.
            official_code (str): The German Kreisschlüssel or the Czech RÚIAN kraj code (ARES `kodKraje`). Example: 14625.
            programme_area (bool): Part of the Interreg Sachsen–Česko 2021–2027 programme area.
     """

    code: str
    country: Country
    kind: RegionKind
    name: Labels
    official_code: str
    programme_area: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.labels import Labels # noqa: PLC0415
        code = self.code

        country = self.country.value

        kind = self.kind.value

        name = self.name.to_dict()

        official_code = self.official_code

        programme_area = self.programme_area


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "country": country,
            "kind": kind,
            "name": name,
            "official_code": official_code,
            "programme_area": programme_area,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.labels import Labels # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        country = Country(d.pop("country"))




        kind = RegionKind(d.pop("kind"))




        name = Labels.from_dict(d.pop("name"))




        official_code = d.pop("official_code")

        programme_area = d.pop("programme_area")

        region = cls(
            code=code,
            country=country,
            kind=kind,
            name=name,
            official_code=official_code,
            programme_area=programme_area,
        )


        region.additional_properties = d
        return region

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
