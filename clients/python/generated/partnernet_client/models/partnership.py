from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.partnership_status import PartnershipStatus
from ..models.partnership_step import PartnershipStep
from ..models.partnership_type import PartnershipType
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.organisation_ref import OrganisationRef
  from ..models.thread_entry import ThreadEntry





T = TypeVar("T", bound="Partnership")



@_attrs_define
class Partnership:
    """ A partnership as its two organisations see it.

        Attributes:
            allowed_steps (list[PartnershipStep]): The steps the caller may take now.
            created_at (datetime.datetime):
            id (str):
            proposer (OrganisationRef): An organisation an event belongs to or a registration is for, with its profile.
            receiver (OrganisationRef): An organisation an event belongs to or a registration is for, with its profile.
            status (PartnershipStatus):
            thread (list[ThreadEntry]):
            type_ (PartnershipType):
            updated_at (datetime.datetime):
            event_id (None | str | Unset):
            opportunity_id (None | str | Unset):
     """

    allowed_steps: list[PartnershipStep]
    created_at: datetime.datetime
    id: str
    proposer: OrganisationRef
    receiver: OrganisationRef
    status: PartnershipStatus
    thread: list[ThreadEntry]
    type_: PartnershipType
    updated_at: datetime.datetime
    event_id: None | str | Unset = UNSET
    opportunity_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.organisation_ref import OrganisationRef # noqa: PLC0415
        from ..models.thread_entry import ThreadEntry # noqa: PLC0415
        allowed_steps = []
        for allowed_steps_item_data in self.allowed_steps:
            allowed_steps_item = allowed_steps_item_data.value
            allowed_steps.append(allowed_steps_item)



        created_at = self.created_at.isoformat()

        id = self.id

        proposer = self.proposer.to_dict()

        receiver = self.receiver.to_dict()

        status = self.status.value

        thread = []
        for thread_item_data in self.thread:
            thread_item = thread_item_data.to_dict()
            thread.append(thread_item)



        type_ = self.type_.value

        updated_at = self.updated_at.isoformat()

        event_id: None | str | Unset
        if isinstance(self.event_id, Unset):
            event_id = UNSET
        else:
            event_id = self.event_id

        opportunity_id: None | str | Unset
        if isinstance(self.opportunity_id, Unset):
            opportunity_id = UNSET
        else:
            opportunity_id = self.opportunity_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "allowed_steps": allowed_steps,
            "created_at": created_at,
            "id": id,
            "proposer": proposer,
            "receiver": receiver,
            "status": status,
            "thread": thread,
            "type": type_,
            "updated_at": updated_at,
        })
        if event_id is not UNSET:
            field_dict["event_id"] = event_id
        if opportunity_id is not UNSET:
            field_dict["opportunity_id"] = opportunity_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organisation_ref import OrganisationRef # noqa: PLC0415
        from ..models.thread_entry import ThreadEntry # noqa: PLC0415
        d = dict(src_dict)
        allowed_steps = []
        _allowed_steps = d.pop("allowed_steps")
        for allowed_steps_item_data in (_allowed_steps):
            allowed_steps_item = PartnershipStep(allowed_steps_item_data)



            allowed_steps.append(allowed_steps_item)


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        proposer = OrganisationRef.from_dict(d.pop("proposer"))




        receiver = OrganisationRef.from_dict(d.pop("receiver"))




        status = PartnershipStatus(d.pop("status"))




        thread = []
        _thread = d.pop("thread")
        for thread_item_data in (_thread):
            thread_item = ThreadEntry.from_dict(thread_item_data)



            thread.append(thread_item)


        type_ = PartnershipType(d.pop("type"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_event_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        event_id = _parse_event_id(d.pop("event_id", UNSET))


        def _parse_opportunity_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        opportunity_id = _parse_opportunity_id(d.pop("opportunity_id", UNSET))


        partnership = cls(
            allowed_steps=allowed_steps,
            created_at=created_at,
            id=id,
            proposer=proposer,
            receiver=receiver,
            status=status,
            thread=thread,
            type_=type_,
            updated_at=updated_at,
            event_id=event_id,
            opportunity_id=opportunity_id,
        )


        partnership.additional_properties = d
        return partnership

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
