from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="GlossaryInput")



@_attrs_define
class GlossaryInput:
    """ A concept to add: terms in at least two languages, up to 10 per language.

        Attributes:
            cs (list[str] | Unset):  Example: ['paličkovaná krajka'].
            de (list[str] | Unset):  Example: ['Klöppelspitze'].
            en (list[str] | Unset):  Example: ['bobbin lace'].
     """

    cs: list[str] | Unset = UNSET
    de: list[str] | Unset = UNSET
    en: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        cs: list[str] | Unset = UNSET
        if not isinstance(self.cs, Unset):
            cs = self.cs



        de: list[str] | Unset = UNSET
        if not isinstance(self.de, Unset):
            de = self.de



        en: list[str] | Unset = UNSET
        if not isinstance(self.en, Unset):
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
        cs = cast(list[str], d.pop("cs", UNSET))


        de = cast(list[str], d.pop("de", UNSET))


        en = cast(list[str], d.pop("en", UNSET))


        glossary_input = cls(
            cs=cs,
            de=de,
            en=en,
        )

        return glossary_input

