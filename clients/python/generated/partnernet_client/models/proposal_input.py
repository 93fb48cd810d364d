from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.partnership_type import PartnershipType
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ProposalInput")



@_attrs_define
class ProposalInput:
    """ A proposal of a partnership from an organisation of the caller's to another.

        Attributes:
            from_company_id (str): The proposing organisation: one the caller is a member of.
            to_company_id (str): The organisation proposed to: a published one.
            type_ (PartnershipType):
            event_id (None | str | Unset): The event where the two met.
            message (None | str | Unset): Up to 2,000 characters. Example: Wir fertigen Ihre Aluminiumteile in Serie..
            opportunity_id (None | str | Unset): The receiving organisation's opportunity the proposal answers (an
                expression of
                interest).
     """

    from_company_id: str
    to_company_id: str
    type_: PartnershipType
    event_id: None | str | Unset = UNSET
    message: None | str | Unset = UNSET
    opportunity_id: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from_company_id = self.from_company_id

        to_company_id = self.to_company_id

        type_ = self.type_.value

        event_id: None | str | Unset
        if isinstance(self.event_id, Unset):
            event_id = UNSET
        else:
            event_id = self.event_id

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        opportunity_id: None | str | Unset
        if isinstance(self.opportunity_id, Unset):
            opportunity_id = UNSET
        else:
            opportunity_id = self.opportunity_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "from_company_id": from_company_id,
            "to_company_id": to_company_id,
            "type": type_,
        })
        if event_id is not UNSET:
            field_dict["event_id"] = event_id
        if message is not UNSET:
            field_dict["message"] = message
        if opportunity_id is not UNSET:
            field_dict["opportunity_id"] = opportunity_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        from_company_id = d.pop("from_company_id")

        to_company_id = d.pop("to_company_id")

        type_ = PartnershipType(d.pop("type"))




        def _parse_event_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        event_id = _parse_event_id(d.pop("event_id", UNSET))


        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))


        def _parse_opportunity_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        opportunity_id = _parse_opportunity_id(d.pop("opportunity_id", UNSET))


        proposal_input = cls(
            from_company_id=from_company_id,
            to_company_id=to_company_id,
            type_=type_,
            event_id=event_id,
            message=message,
            opportunity_id=opportunity_id,
        )

        return proposal_input

