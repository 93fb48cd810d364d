from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Labels")



@_attrs_define
class Labels:
    """ A reference label in every platform language.

        Example:
            {'cs': 'Pilařská výroba', 'de': 'Sägewerke', 'en': 'Sawmilling'}

        Attributes:
            cs (str):
            de (str):
            en (str):
     """

    cs: str
    de: str
    en: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cs = self.cs

        de = self.de

        en = self.en


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cs": cs,
            "de": de,
            "en": en,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cs = d.pop("cs")

        de = d.pop("de")

        en = d.pop("en")

        labels = cls(
            cs=cs,
            de=de,
            en=en,
        )


        labels.additional_properties = d
        return labels

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
