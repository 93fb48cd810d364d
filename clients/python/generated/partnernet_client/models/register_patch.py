from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="RegisterPatch")



@_attrs_define
class RegisterPatch:
    """ 
        Attributes:
            court (str | Unset):  Example: Dresden.
            number (str | Unset):  Example: 12345.
            type_ (str | Unset): `HRA`, `HRB`, `GnR`, `PR` or `VR`. Example: HRB.
     """

    court: str | Unset = UNSET
    number: str | Unset = UNSET
    type_: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        court = self.court

        number = self.number

        type_ = self.type_


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if court is not UNSET:
            field_dict["court"] = court
        if number is not UNSET:
            field_dict["number"] = number
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        court = d.pop("court", UNSET)

        number = d.pop("number", UNSET)

        type_ = d.pop("type", UNSET)

        register_patch = cls(
            court=court,
            number=number,
            type_=type_,
        )

        return register_patch

