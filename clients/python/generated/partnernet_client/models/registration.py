from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.participation_kind import ParticipationKind
from ..models.registration_status import RegistrationStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.organisation_ref import OrganisationRef
  from ..models.participant import Participant





T = TypeVar("T", bound="Registration")



@_attrs_define
class Registration:
    """ An organisation's registration for an event. Seen by the organisation's members, the
    event's organisers and administrators.

        Attributes:
            company (OrganisationRef): An organisation an event belongs to or a registration is for, with its profile.
            created_at (datetime.datetime):
            event_id (str):
            id (str):
            kind (ParticipationKind):
            listed (bool): Whether the organisation appears on the public participant list.
            participants (list[Participant]):
            status (RegistrationStatus):
            updated_at (datetime.datetime):
            cancelled_at (datetime.datetime | None | Unset):
            note (None | str | Unset): What the organisation offers or seeks at the event.
            waiting_position (int | None | Unset): While waiting: the place on the waiting list of its kind (1 moves up
                next).
     """

    company: OrganisationRef
    created_at: datetime.datetime
    event_id: str
    id: str
    kind: ParticipationKind
    listed: bool
    participants: list[Participant]
    status: RegistrationStatus
    updated_at: datetime.datetime
    cancelled_at: datetime.datetime | None | Unset = UNSET
    note: None | str | Unset = UNSET
    waiting_position: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.organisation_ref import OrganisationRef # noqa: PLC0415
        from ..models.participant import Participant # noqa: PLC0415
        company = self.company.to_dict()

        created_at = self.created_at.isoformat()

        event_id = self.event_id

        id = self.id

        kind = self.kind.value

        listed = self.listed

        participants = []
        for participants_item_data in self.participants:
            participants_item = participants_item_data.to_dict()
            participants.append(participants_item)



        status = self.status.value

        updated_at = self.updated_at.isoformat()

        cancelled_at: None | str | Unset
        if isinstance(self.cancelled_at, Unset):
            cancelled_at = UNSET
        elif isinstance(self.cancelled_at, datetime.datetime):
            cancelled_at = self.cancelled_at.isoformat()
        else:
            cancelled_at = self.cancelled_at

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        waiting_position: int | None | Unset
        if isinstance(self.waiting_position, Unset):
            waiting_position = UNSET
        else:
            waiting_position = self.waiting_position


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "company": company,
            "created_at": created_at,
            "event_id": event_id,
            "id": id,
            "kind": kind,
            "listed": listed,
            "participants": participants,
            "status": status,
            "updated_at": updated_at,
        })
        if cancelled_at is not UNSET:
            field_dict["cancelled_at"] = cancelled_at
        if note is not UNSET:
            field_dict["note"] = note
        if waiting_position is not UNSET:
            field_dict["waiting_position"] = waiting_position

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organisation_ref import OrganisationRef # noqa: PLC0415
        from ..models.participant import Participant # noqa: PLC0415
        d = dict(src_dict)
        company = OrganisationRef.from_dict(d.pop("company"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        event_id = d.pop("event_id")

        id = d.pop("id")

        kind = ParticipationKind(d.pop("kind"))




        listed = d.pop("listed")

        participants = []
        _participants = d.pop("participants")
        for participants_item_data in (_participants):
            participants_item = Participant.from_dict(participants_item_data)



            participants.append(participants_item)


        status = RegistrationStatus(d.pop("status"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_cancelled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancelled_at_type_0 = datetime.datetime.fromisoformat(data)



                return cancelled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        cancelled_at = _parse_cancelled_at(d.pop("cancelled_at", UNSET))


        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        def _parse_waiting_position(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        waiting_position = _parse_waiting_position(d.pop("waiting_position", UNSET))


        registration = cls(
            company=company,
            created_at=created_at,
            event_id=event_id,
            id=id,
            kind=kind,
            listed=listed,
            participants=participants,
            status=status,
            updated_at=updated_at,
            cancelled_at=cancelled_at,
            note=note,
            waiting_position=waiting_position,
        )


        registration.additional_properties = d
        return registration

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
