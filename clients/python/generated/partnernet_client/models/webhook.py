from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.change_entity import ChangeEntity
from ..models.webhook_status import WebhookStatus
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="Webhook")



@_attrs_define
class Webhook:
    """ A subscription. Its secret is shown only when created or rotated.

        Attributes:
            created_at (datetime.datetime):
            entities (list[ChangeEntity]):
            id (str):
            planned_through (int): The change-log position up to which entries are in deliveries.
            status (WebhookStatus):
            updated_at (datetime.datetime):
            url (str):
            with_contacts (bool): Whether deliveries show contact persons: the creating key held the `read` scope.
            paused_reason (None | str | Unset): Why it is paused, when the platform paused it.
     """

    created_at: datetime.datetime
    entities: list[ChangeEntity]
    id: str
    planned_through: int
    status: WebhookStatus
    updated_at: datetime.datetime
    url: str
    with_contacts: bool
    paused_reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        entities = []
        for entities_item_data in self.entities:
            entities_item = entities_item_data.value
            entities.append(entities_item)



        id = self.id

        planned_through = self.planned_through

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        url = self.url

        with_contacts = self.with_contacts

        paused_reason: None | str | Unset
        if isinstance(self.paused_reason, Unset):
            paused_reason = UNSET
        else:
            paused_reason = self.paused_reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "entities": entities,
            "id": id,
            "planned_through": planned_through,
            "status": status,
            "updated_at": updated_at,
            "url": url,
            "with_contacts": with_contacts,
        })
        if paused_reason is not UNSET:
            field_dict["paused_reason"] = paused_reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        entities = []
        _entities = d.pop("entities")
        for entities_item_data in (_entities):
            entities_item = ChangeEntity(entities_item_data)



            entities.append(entities_item)


        id = d.pop("id")

        planned_through = d.pop("planned_through")

        status = WebhookStatus(d.pop("status"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        url = d.pop("url")

        with_contacts = d.pop("with_contacts")

        def _parse_paused_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        paused_reason = _parse_paused_reason(d.pop("paused_reason", UNSET))


        webhook = cls(
            created_at=created_at,
            entities=entities,
            id=id,
            planned_through=planned_through,
            status=status,
            updated_at=updated_at,
            url=url,
            with_contacts=with_contacts,
            paused_reason=paused_reason,
        )


        webhook.additional_properties = d
        return webhook

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
