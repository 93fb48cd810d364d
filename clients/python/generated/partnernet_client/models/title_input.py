from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="TitleInput")



@_attrs_define
class TitleInput:
    """ A title per language; any may be left out or `null`, one is needed.

        Attributes:
            cs (None | str | Unset):  Example: Burza subdodavatelů Krušné hory.
            de (None | str | Unset):  Example: Zulieferbörse Erzgebirge.
            en (None | str | Unset):
     """

    cs: None | str | Unset = UNSET
    de: None | str | Unset = UNSET
    en: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        cs: None | str | Unset
        if isinstance(self.cs, Unset):
            cs = UNSET
        else:
            cs = self.cs

        de: None | str | Unset
        if isinstance(self.de, Unset):
            de = UNSET
        else:
            de = self.de

        en: None | str | Unset
        if isinstance(self.en, Unset):
            en = UNSET
        else:
            en = self.en


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if cs is not UNSET:
            field_dict["cs"] = cs
        if de is not UNSET:
            field_dict["de"] = de
        if en is not UNSET:
            field_dict["en"] = en

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_cs(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cs = _parse_cs(d.pop("cs", UNSET))


        def _parse_de(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        de = _parse_de(d.pop("de", UNSET))


        def _parse_en(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        en = _parse_en(d.pop("en", UNSET))


        title_input = cls(
            cs=cs,
            de=de,
            en=en,
        )

        return title_input

