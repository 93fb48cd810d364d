from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.claim_status import ClaimStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.claimant import Claimant
  from ..models.claimed_company import ClaimedCompany





T = TypeVar("T", bound="Claim")



@_attrs_define
class Claim:
    """ A user's request to manage an unclaimed profile.

        Attributes:
            claimant (Claimant): The user who claims a profile.
            company (ClaimedCompany): The profile claimed.
            created_at (datetime.datetime):
            id (str):
            status (ClaimStatus): Where a claim stands.
            decided_at (datetime.datetime | None | Unset):
            message (None | str | Unset): What the claimant wrote to show they represent the company.
     """

    claimant: Claimant
    company: ClaimedCompany
    created_at: datetime.datetime
    id: str
    status: ClaimStatus
    decided_at: datetime.datetime | None | Unset = UNSET
    message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.claimant import Claimant # noqa: PLC0415
        from ..models.claimed_company import ClaimedCompany # noqa: PLC0415
        claimant = self.claimant.to_dict()

        company = self.company.to_dict()

        created_at = self.created_at.isoformat()

        id = self.id

        status = self.status.value

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "claimant": claimant,
            "company": company,
            "created_at": created_at,
            "id": id,
            "status": status,
        })
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.claimant import Claimant # noqa: PLC0415
        from ..models.claimed_company import ClaimedCompany # noqa: PLC0415
        d = dict(src_dict)
        claimant = Claimant.from_dict(d.pop("claimant"))




        company = ClaimedCompany.from_dict(d.pop("company"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        status = ClaimStatus(d.pop("status"))




        def _parse_decided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)



                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))


        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))


        claim = cls(
            claimant=claimant,
            company=company,
            created_at=created_at,
            id=id,
            status=status,
            decided_at=decided_at,
            message=message,
        )


        claim.additional_properties = d
        return claim

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
