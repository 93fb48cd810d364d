from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.notification_kind import NotificationKind
from typing import cast
import datetime






T = TypeVar("T", bound="Notification")



@_attrs_define
class Notification:
    """ Something the platform tells the user.

        Attributes:
            body (str):
            created_at (datetime.datetime):
            id (str):
            kind (NotificationKind):
            link (str): The API path of what it is about (a partnership, a registration). Example:
                /v1/partnerships/0193e5a0-0000-7000-8000-0000000000a1.
            read (bool):
            title (str): In the user's language, as it was when the notification was made.
     """

    body: str
    created_at: datetime.datetime
    id: str
    kind: NotificationKind
    link: str
    read: bool
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        body = self.body

        created_at = self.created_at.isoformat()

        id = self.id

        kind = self.kind.value

        link = self.link

        read = self.read

        title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "body": body,
            "created_at": created_at,
            "id": id,
            "kind": kind,
            "link": link,
            "read": read,
            "title": title,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        kind = NotificationKind(d.pop("kind"))




        link = d.pop("link")

        read = d.pop("read")

        title = d.pop("title")

        notification = cls(
            body=body,
            created_at=created_at,
            id=id,
            kind=kind,
            link=link,
            read=read,
            title=title,
        )


        notification.additional_properties = d
        return notification

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
