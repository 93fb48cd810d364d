from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.country import Country
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.labels import Labels





T = TypeVar("T", bound="LegalForm")



@_attrs_define
class LegalForm:
    """ A legal form of a German or Czech organisation.

        Attributes:
            abbreviation (str):  Example: s.r.o..
            code (str):  Example: cz_sro.
            country (Country):
            name (Labels): A reference label in every platform language. Example: {'cs': 'Pilařská výroba', 'de':
                'Sägewerke', 'en': 'Sawmilling'}.
            ares_code (None | str | Unset): The ARES `pravniForma` code, for Czech forms. Example: 112.
     """

    abbreviation: str
    code: str
    country: Country
    name: Labels
    ares_code: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.labels import Labels # noqa: PLC0415
        abbreviation = self.abbreviation

        code = self.code

        country = self.country.value

        name = self.name.to_dict()

        ares_code: None | str | Unset
        if isinstance(self.ares_code, Unset):
            ares_code = UNSET
        else:
            ares_code = self.ares_code


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "abbreviation": abbreviation,
            "code": code,
            "country": country,
            "name": name,
        })
        if ares_code is not UNSET:
            field_dict["ares_code"] = ares_code

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.labels import Labels # noqa: PLC0415
        d = dict(src_dict)
        abbreviation = d.pop("abbreviation")

        code = d.pop("code")

        country = Country(d.pop("country"))




        name = Labels.from_dict(d.pop("name"))




        def _parse_ares_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ares_code = _parse_ares_code(d.pop("ares_code", UNSET))


        legal_form = cls(
            abbreviation=abbreviation,
            code=code,
            country=country,
            name=name,
            ares_code=ares_code,
        )


        legal_form.additional_properties = d
        return legal_form

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
