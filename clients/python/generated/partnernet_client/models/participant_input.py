from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.language import Language






T = TypeVar("T", bound="ParticipantInput")



@_attrs_define
class ParticipantInput:
    """ A person the organisation sends.

        Attributes:
            email (str):
            language (Language):
            name (str): A person's name: up to 200 characters, no control characters.
     """

    email: str
    language: Language
    name: str





    def to_dict(self) -> dict[str, Any]:
        email = self.email

        language = self.language.value

        name = self.name


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "email": email,
            "language": language,
            "name": name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        language = Language(d.pop("language"))




        name = d.pop("name")

        participant_input = cls(
            email=email,
            language=language,
            name=name,
        )

        return participant_input

