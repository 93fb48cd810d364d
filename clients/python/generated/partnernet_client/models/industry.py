from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.nace_level import NaceLevel
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.labels import Labels





T = TypeVar("T", bound="Industry")



@_attrs_define
class Industry:
    """ A code of NACE Rev. 2 (WZ 2008 / CZ-NACE 2008).

        Attributes:
            code (str):  Example: 16.10.
            label (Labels): A reference label in every platform language. Example: {'cs': 'Pilařská výroba', 'de':
                'Sägewerke', 'en': 'Sawmilling'}.
            level (NaceLevel):
            section (str): The section letter the code belongs to. Example: C.
            parent (None | str | Unset): The code one level up; `null` for sections. Example: 16.1.
     """

    code: str
    label: Labels
    level: NaceLevel
    section: str
    parent: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.labels import Labels # noqa: PLC0415
        code = self.code

        label = self.label.to_dict()

        level = self.level.value

        section = self.section

        parent: None | str | Unset
        if isinstance(self.parent, Unset):
            parent = UNSET
        else:
            parent = self.parent


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "label": label,
            "level": level,
            "section": section,
        })
        if parent is not UNSET:
            field_dict["parent"] = parent

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.labels import Labels # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        label = Labels.from_dict(d.pop("label"))




        level = NaceLevel(d.pop("level"))




        section = d.pop("section")

        def _parse_parent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent = _parse_parent(d.pop("parent", UNSET))


        industry = cls(
            code=code,
            label=label,
            level=level,
            section=section,
            parent=parent,
        )


        industry.additional_properties = d
        return industry

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
