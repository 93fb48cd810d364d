from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="RegisterInput")



@_attrs_define
class RegisterInput:
    """ 
        Attributes:
            court (str):  Example: Dresden.
            number (str):  Example: 12345.
            type_ (str): `HRA`, `HRB`, `GnR`, `PR` or `VR`. Example: HRB.
     """

    court: str
    number: str
    type_: str





    def to_dict(self) -> dict[str, Any]:
        court = self.court

        number = self.number

        type_ = self.type_


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "court": court,
            "number": number,
            "type": type_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        court = d.pop("court")

        number = d.pop("number")

        type_ = d.pop("type")

        register_input = cls(
            court=court,
            number=number,
            type_=type_,
        )

        return register_input

