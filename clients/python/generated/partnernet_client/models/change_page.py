from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.change_dto import ChangeDto





T = TypeVar("T", bound="ChangePage")



@_attrs_define
class ChangePage:
    """ A page of the feed.

        Attributes:
            items (list[ChangeDto]):
            latest (int): The last position of the log when this page was read: you are up to date once
                `next_after` reaches it.
            next_after (int): Pass as `after` for the next page. Beyond the last item when entries of other kinds
                followed it.
     """

    items: list[ChangeDto]
    latest: int
    next_after: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.change_dto import ChangeDto # noqa: PLC0415
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        latest = self.latest

        next_after = self.next_after


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "items": items,
            "latest": latest,
            "next_after": next_after,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change_dto import ChangeDto # noqa: PLC0415
        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = ChangeDto.from_dict(items_item_data)



            items.append(items_item)


        latest = d.pop("latest")

        next_after = d.pop("next_after")

        change_page = cls(
            items=items,
            latest=latest,
            next_after=next_after,
        )


        change_page.additional_properties = d
        return change_page

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
