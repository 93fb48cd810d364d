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
  from ..models.organisation_ref import OrganisationRef





T = TypeVar("T", bound="ParticipantListEntry")



@_attrs_define
class ParticipantListEntry:
    """ An organisation on an event's public participant list.

        Attributes:
            company (OrganisationRef): An organisation an event belongs to or a registration is for, with its profile.
            kind (ParticipationKind):
            note (None | str | Unset): What it offers or seeks at the event.
     """

    company: OrganisationRef
    kind: ParticipationKind
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.organisation_ref import OrganisationRef # noqa: PLC0415
        company = self.company.to_dict()

        kind = self.kind.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "company": company,
            "kind": kind,
        })
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organisation_ref import OrganisationRef # noqa: PLC0415
        d = dict(src_dict)
        company = OrganisationRef.from_dict(d.pop("company"))




        kind = ParticipationKind(d.pop("kind"))




        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        participant_list_entry = cls(
            company=company,
            kind=kind,
            note=note,
        )


        participant_list_entry.additional_properties = d
        return participant_list_entry

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
