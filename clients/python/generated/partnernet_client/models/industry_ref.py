from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.labels import Labels





T = TypeVar("T", bound="IndustryRef")



@_attrs_define
class IndustryRef:
    """ A NACE Rev. 2 code a product, event or opportunity names, with its label.

        Attributes:
            code (str):  Example: 25.62.
            label (Labels): A reference label in every platform language. Example: {'cs': 'Pilařská výroba', 'de':
                'Sägewerke', 'en': 'Sawmilling'}.
     """

    code: str
    label: Labels
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.labels import Labels # noqa: PLC0415
        code = self.code

        label = self.label.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "label": label,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.labels import Labels # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        label = Labels.from_dict(d.pop("label"))




        industry_ref = cls(
            code=code,
            label=label,
        )


        industry_ref.additional_properties = d
        return industry_ref

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
