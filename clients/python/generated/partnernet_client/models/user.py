from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.membership import Membership





T = TypeVar("T", bound="User")



@_attrs_define
class User:
    """ The signed-in user's account.

        Attributes:
            admin (bool): A platform administrator.
            created_at (datetime.datetime):
            email (str):
            id (str):
            language (str):  Example: cs.
            memberships (list[Membership]):
            name (str):
     """

    admin: bool
    created_at: datetime.datetime
    email: str
    id: str
    language: str
    memberships: list[Membership]
    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.membership import Membership # noqa: PLC0415
        admin = self.admin

        created_at = self.created_at.isoformat()

        email = self.email

        id = self.id

        language = self.language

        memberships = []
        for memberships_item_data in self.memberships:
            memberships_item = memberships_item_data.to_dict()
            memberships.append(memberships_item)



        name = self.name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "admin": admin,
            "created_at": created_at,
            "email": email,
            "id": id,
            "language": language,
            "memberships": memberships,
            "name": name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.membership import Membership # noqa: PLC0415
        d = dict(src_dict)
        admin = d.pop("admin")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        email = d.pop("email")

        id = d.pop("id")

        language = d.pop("language")

        memberships = []
        _memberships = d.pop("memberships")
        for memberships_item_data in (_memberships):
            memberships_item = Membership.from_dict(memberships_item_data)



            memberships.append(memberships_item)


        name = d.pop("name")

        user = cls(
            admin=admin,
            created_at=created_at,
            email=email,
            id=id,
            language=language,
            memberships=memberships,
            name=name,
        )


        user.additional_properties = d
        return user

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
