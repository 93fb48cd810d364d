from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.opportunity_type import OpportunityType
from typing import cast
import datetime






T = TypeVar("T", bound="RecommendedOpportunity")



@_attrs_define
class RecommendedOpportunity:
    """ A recommended opportunity.

        Attributes:
            href (str):  Example: /v1/opportunities/0193e5a0-0000-7000-8000-0000000000b1.
            id (str):
            title (str): In the requested language, else another.
            type_ (OpportunityType):
            valid_until (datetime.date):
     """

    href: str
    id: str
    title: str
    type_: OpportunityType
    valid_until: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        href = self.href

        id = self.id

        title = self.title

        type_ = self.type_.value

        valid_until = self.valid_until.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "href": href,
            "id": id,
            "title": title,
            "type": type_,
            "valid_until": valid_until,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        href = d.pop("href")

        id = d.pop("id")

        title = d.pop("title")

        type_ = OpportunityType(d.pop("type"))




        valid_until = datetime.date.fromisoformat(d.pop("valid_until"))




        recommended_opportunity = cls(
            href=href,
            id=id,
            title=title,
            type_=type_,
            valid_until=valid_until,
        )


        recommended_opportunity.additional_properties = d
        return recommended_opportunity

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
