from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.participation_kind import ParticipationKind
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.participant_input import ParticipantInput





T = TypeVar("T", bound="RegistrationInput")



@_attrs_define
class RegistrationInput:
    """ The body of a registration for an event.

        Attributes:
            company_id (str): The organisation that takes part: one the caller is a member of.
            kind (ParticipationKind):
            participants (list[ParticipantInput]): The people the organisation sends (1 to 20).
            listed (bool | Unset): Whether the organisation appears on the event's public participant list.
            note (None | str | Unset): What the organisation offers or seeks at the event (shown on the participant list).
                Example: Wir suchen Lohnfertiger für CNC-Frästeile..
     """

    company_id: str
    kind: ParticipationKind
    participants: list[ParticipantInput]
    listed: bool | Unset = UNSET
    note: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.participant_input import ParticipantInput # noqa: PLC0415
        company_id = self.company_id

        kind = self.kind.value

        participants = []
        for participants_item_data in self.participants:
            participants_item = participants_item_data.to_dict()
            participants.append(participants_item)



        listed = self.listed

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "company_id": company_id,
            "kind": kind,
            "participants": participants,
        })
        if listed is not UNSET:
            field_dict["listed"] = listed
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.participant_input import ParticipantInput # noqa: PLC0415
        d = dict(src_dict)
        company_id = d.pop("company_id")

        kind = ParticipationKind(d.pop("kind"))




        participants = []
        _participants = d.pop("participants")
        for participants_item_data in (_participants):
            participants_item = ParticipantInput.from_dict(participants_item_data)



            participants.append(participants_item)


        listed = d.pop("listed", UNSET)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        registration_input = cls(
            company_id=company_id,
            kind=kind,
            participants=participants,
            listed=listed,
            note=note,
        )

        return registration_input

