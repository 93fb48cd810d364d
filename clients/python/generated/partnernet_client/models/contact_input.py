from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ContactInput")



@_attrs_define
class ContactInput:
    """ 
        Attributes:
            name (str): A person's name: up to 200 characters, no control characters.
            email (None | str | Unset):
            languages (list[str] | Unset): ISO 639-1 codes.
            phone (None | str | Unset): Digits, spaces and `+-()/.`.
            role (None | str | Unset):
     """

    name: str
    email: None | str | Unset = UNSET
    languages: list[str] | Unset = UNSET
    phone: None | str | Unset = UNSET
    role: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = self.languages



        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        else:
            role = self.role


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
        })
        if email is not UNSET:
            field_dict["email"] = email
        if languages is not UNSET:
            field_dict["languages"] = languages
        if phone is not UNSET:
            field_dict["phone"] = phone
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))


        languages = cast(list[str], d.pop("languages", UNSET))


        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))


        def _parse_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        role = _parse_role(d.pop("role", UNSET))


        contact_input = cls(
            name=name,
            email=email,
            languages=languages,
            phone=phone,
            role=role,
        )

        return contact_input

