from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.change_actor import ChangeActor





T = TypeVar("T", bound="Change")



@_attrs_define
class Change:
    """ 
        Attributes:
            action (str): `created`, `updated`, `verified`, `deleted`, `member_added`, `member_removed`,
                `api_key_created`, `api_key_revoked`, `product_created`, `product_updated`,
                `product_deleted` (for products, `fields` holds the product's id), `imported` (created
                from a register), `register_updated` (a newer register record changed `fields`) or
                `claim_accepted`. Example: updated.
            actor (ChangeActor): Who made a change: a `user`, an `api_key`, or the `register` (an import run from the
                command
                line), with its current name while it still exists.
            at (datetime.datetime):
            fields (list[str]): The fields that changed. Example: ['description', 'status'].
            id (str):
     """

    action: str
    actor: ChangeActor
    at: datetime.datetime
    fields: list[str]
    id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.change_actor import ChangeActor # noqa: PLC0415
        action = self.action

        actor = self.actor.to_dict()

        at = self.at.isoformat()

        fields = self.fields



        id = self.id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "action": action,
            "actor": actor,
            "at": at,
            "fields": fields,
            "id": id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change_actor import ChangeActor # noqa: PLC0415
        d = dict(src_dict)
        action = d.pop("action")

        actor = ChangeActor.from_dict(d.pop("actor"))




        at = datetime.datetime.fromisoformat(d.pop("at"))




        fields = cast(list[str], d.pop("fields"))


        id = d.pop("id")

        change = cls(
            action=action,
            actor=actor,
            at=at,
            fields=fields,
            id=id,
        )


        change.additional_properties = d
        return change

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
