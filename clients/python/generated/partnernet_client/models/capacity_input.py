from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CapacityInput")



@_attrs_define
class CapacityInput:
    """ How many organisations may take part in each way: absent or `null` is no limit, 0 that
    the event does not take this kind of participant.

        Attributes:
            exhibitors (int | None | Unset):  Example: 50.
            visitors (int | None | Unset):  Example: 200.
     """

    exhibitors: int | None | Unset = UNSET
    visitors: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        exhibitors: int | None | Unset
        if isinstance(self.exhibitors, Unset):
            exhibitors = UNSET
        else:
            exhibitors = self.exhibitors

        visitors: int | None | Unset
        if isinstance(self.visitors, Unset):
            visitors = UNSET
        else:
            visitors = self.visitors


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if exhibitors is not UNSET:
            field_dict["exhibitors"] = exhibitors
        if visitors is not UNSET:
            field_dict["visitors"] = visitors

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_exhibitors(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        exhibitors = _parse_exhibitors(d.pop("exhibitors", UNSET))


        def _parse_visitors(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        visitors = _parse_visitors(d.pop("visitors", UNSET))


        capacity_input = cls(
            exhibitors=exhibitors,
            visitors=visitors,
        )

        return capacity_input

