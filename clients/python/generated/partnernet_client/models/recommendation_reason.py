from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.reason_kind import ReasonKind






T = TypeVar("T", bound="RecommendationReason")



@_attrs_define
class RecommendationReason:
    """ One piece of evidence, in the requested language.

        Attributes:
            kind (ReasonKind):
            points (int): What it adds to the score.
            text (str):  Example: Open request “Suche Lohnfertiger für CNC-Frästeile” matches your product “CNC-Fräsen”..
     """

    kind: ReasonKind
    points: int
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        points = self.points

        text = self.text


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
            "points": points,
            "text": text,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = ReasonKind(d.pop("kind"))




        points = d.pop("points")

        text = d.pop("text")

        recommendation_reason = cls(
            kind=kind,
            points=points,
            text=text,
        )


        recommendation_reason.additional_properties = d
        return recommendation_reason

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
