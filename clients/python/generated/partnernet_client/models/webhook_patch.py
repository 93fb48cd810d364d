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






T = TypeVar("T", bound="WebhookPatch")



@_attrs_define
class WebhookPatch:
    """ Changes to a subscription: only the fields sent change.

        Attributes:
            entities (list[ChangeEntity] | None | Unset):
            status (None | Unset | WebhookStatus):
            url (None | str | Unset):
     """

    entities: list[ChangeEntity] | None | Unset = UNSET
    status: None | Unset | WebhookStatus = UNSET
    url: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        entities: list[str] | None | Unset
        if isinstance(self.entities, Unset):
            entities = UNSET
        elif isinstance(self.entities, list):
            entities = []
            for entities_type_0_item_data in self.entities:
                entities_type_0_item = entities_type_0_item_data.value
                entities.append(entities_type_0_item)


        else:
            entities = self.entities

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, WebhookStatus):
            status = self.status.value
        else:
            status = self.status

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if entities is not UNSET:
            field_dict["entities"] = entities
        if status is not UNSET:
            field_dict["status"] = status
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_entities(data: object) -> list[ChangeEntity] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                entities_type_0 = []
                _entities_type_0 = data
                for entities_type_0_item_data in (_entities_type_0):
                    entities_type_0_item = ChangeEntity(entities_type_0_item_data)



                    entities_type_0.append(entities_type_0_item)

                return entities_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ChangeEntity] | None | Unset, data)

        entities = _parse_entities(d.pop("entities", UNSET))


        def _parse_status(data: object) -> None | Unset | WebhookStatus:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = WebhookStatus(data)



                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WebhookStatus, data)

        status = _parse_status(d.pop("status", UNSET))


        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))


        webhook_patch = cls(
            entities=entities,
            status=status,
            url=url,
        )

        return webhook_patch

