from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.address_patch import AddressPatch





T = TypeVar("T", bound="VenuePatch")



@_attrs_define
class VenuePatch:
    """ Where an event takes place; the postal code gives its region and coordinates.

        Attributes:
            address (AddressPatch | Unset):
            name (str | Unset):  Example: Baldauf Villa.
     """

    address: AddressPatch | Unset = UNSET
    name: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.address_patch import AddressPatch # noqa: PLC0415
        address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.address, Unset):
            address = self.address.to_dict()

        name = self.name


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if address is not UNSET:
            field_dict["address"] = address
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address_patch import AddressPatch # noqa: PLC0415
        d = dict(src_dict)
        _address = d.pop("address", UNSET)
        address: AddressPatch | Unset
        if isinstance(_address,  Unset):
            address = UNSET
        else:
            address = AddressPatch.from_dict(_address)




        name = d.pop("name", UNSET)

        venue_patch = cls(
            address=address,
            name=name,
        )

        return venue_patch

