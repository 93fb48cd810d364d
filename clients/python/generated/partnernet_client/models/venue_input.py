from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.address_input import AddressInput





T = TypeVar("T", bound="VenueInput")



@_attrs_define
class VenueInput:
    """ Where an event takes place; the postal code gives its region and coordinates.

        Attributes:
            address (AddressInput):
            name (str):  Example: Baldauf Villa.
     """

    address: AddressInput
    name: str





    def to_dict(self) -> dict[str, Any]:
        from ..models.address_input import AddressInput # noqa: PLC0415
        address = self.address.to_dict()

        name = self.name


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "address": address,
            "name": name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address_input import AddressInput # noqa: PLC0415
        d = dict(src_dict)
        address = AddressInput.from_dict(d.pop("address"))




        name = d.pop("name")

        venue_input = cls(
            address=address,
            name=name,
        )

        return venue_input

