from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.change_dto import ChangeDto





T = TypeVar("T", bound="ChangeBatch")



@_attrs_define
class ChangeBatch:
    """ Change-feed entries of one delivery, in commit order.

        Attributes:
            first_seq (int):
            items (list[ChangeDto]):
            last_seq (int): Where the next delivery continues; you may also follow `GET /v1/changes` from here.
     """

    first_seq: int
    items: list[ChangeDto]
    last_seq: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.change_dto import ChangeDto # noqa: PLC0415
        first_seq = self.first_seq

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        last_seq = self.last_seq


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "first_seq": first_seq,
            "items": items,
            "last_seq": last_seq,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change_dto import ChangeDto # noqa: PLC0415
        d = dict(src_dict)
        first_seq = d.pop("first_seq")

        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = ChangeDto.from_dict(items_item_data)



            items.append(items_item)


        last_seq = d.pop("last_seq")

        change_batch = cls(
            first_seq=first_seq,
            items=items,
            last_seq=last_seq,
        )


        change_batch.additional_properties = d
        return change_batch

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
