from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.change_entity import ChangeEntity
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="NewWebhook")



@_attrs_define
class NewWebhook:
    """ A new subscription.

        Attributes:
            entities (list[ChangeEntity]): What it receives.
            url (str): Where deliveries are `POST`ed: `https://` on the public internet. Example: https://crm.ihk-
                chemnitz.example/hooks/partnernet.
            after (int | None | Unset): Start after this change-log position (an export's `X-Change-Position`); default: the
                latest, so only changes from now on.
     """

    entities: list[ChangeEntity]
    url: str
    after: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        entities = []
        for entities_item_data in self.entities:
            entities_item = entities_item_data.value
            entities.append(entities_item)



        url = self.url

        after: int | None | Unset
        if isinstance(self.after, Unset):
            after = UNSET
        else:
            after = self.after


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "entities": entities,
            "url": url,
        })
        if after is not UNSET:
            field_dict["after"] = after

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        entities = []
        _entities = d.pop("entities")
        for entities_item_data in (_entities):
            entities_item = ChangeEntity(entities_item_data)



            entities.append(entities_item)


        url = d.pop("url")

        def _parse_after(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        after = _parse_after(d.pop("after", UNSET))


        new_webhook = cls(
            entities=entities,
            url=url,
            after=after,
        )

        return new_webhook

