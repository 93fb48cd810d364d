from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.places import Places





T = TypeVar("T", bound="EventPlaces")



@_attrs_define
class EventPlaces:
    """ 
        Attributes:
            exhibitors (Places): The places of one way of taking part.
            visitors (Places): The places of one way of taking part.
     """

    exhibitors: Places
    visitors: Places
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.places import Places # noqa: PLC0415
        exhibitors = self.exhibitors.to_dict()

        visitors = self.visitors.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "exhibitors": exhibitors,
            "visitors": visitors,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.places import Places # noqa: PLC0415
        d = dict(src_dict)
        exhibitors = Places.from_dict(d.pop("exhibitors"))




        visitors = Places.from_dict(d.pop("visitors"))




        event_places = cls(
            exhibitors=exhibitors,
            visitors=visitors,
        )


        event_places.additional_properties = d
        return event_places

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
