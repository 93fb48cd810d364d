from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.company_status import CompanyStatus
from ..models.member_role import MemberRole






T = TypeVar("T", bound="Membership")



@_attrs_define
class Membership:
    """ An organisation the user belongs to.

        Attributes:
            company_id (str):
            company_name (str):
            role (MemberRole):
            status (CompanyStatus):
     """

    company_id: str
    company_name: str
    role: MemberRole
    status: CompanyStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        company_id = self.company_id

        company_name = self.company_name

        role = self.role.value

        status = self.status.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "company_id": company_id,
            "company_name": company_name,
            "role": role,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        company_id = d.pop("company_id")

        company_name = d.pop("company_name")

        role = MemberRole(d.pop("role"))




        status = CompanyStatus(d.pop("status"))




        membership = cls(
            company_id=company_id,
            company_name=company_name,
            role=role,
            status=status,
        )


        membership.additional_properties = d
        return membership

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
