from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="GlossaryEntry")



@_attrs_define
class GlossaryEntry:
    """ One concept in German, Czech and English: a query for any term also finds the others.

        Attributes:
            cs (list[str]):  Example: ['frézování'].
            de (list[str]):  Example: ['Fräsen'].
            en (list[str]):  Example: ['milling'].
            source (str): `shipped` with the platform, or `added` by an administrator. Example: added.
            created_at (datetime.datetime | None | Unset):
            id (None | str | Unset): The id of an added entry; `null` for shipped ones.
     """

    cs: list[str]
    de: list[str]
    en: list[str]
    source: str
    created_at: datetime.datetime | None | Unset = UNSET
    id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cs = self.cs



        de = self.de



        en = self.en



        source = self.source

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cs": cs,
            "de": de,
            "en": en,
            "source": source,
        })
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cs = cast(list[str], d.pop("cs"))


        de = cast(list[str], d.pop("de"))


        en = cast(list[str], d.pop("en"))


        source = d.pop("source")

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)



                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))


        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))


        glossary_entry = cls(
            cs=cs,
            de=de,
            en=en,
            source=source,
            created_at=created_at,
            id=id,
        )


        glossary_entry.additional_properties = d
        return glossary_entry

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
