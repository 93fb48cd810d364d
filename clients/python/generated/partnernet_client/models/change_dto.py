from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.change_entity import ChangeEntity
from ..models.change_op import ChangeOp
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.company import Company
  from ..models.event import Event
  from ..models.opportunity import Opportunity
  from ..models.product import Product





T = TypeVar("T", bound="ChangeDto")



@_attrs_define
class ChangeDto:
    """ One entry of the feed.

        Attributes:
            at (datetime.datetime):
            entity (ChangeEntity): What the feed tells of.
            id (str):
            op (ChangeOp): What happened. A resource that is no longer public (deleted, or back to a draft) is a
                `delete`: remove it if you hold it.
            seq (int): The entry's position: pass the last one you applied as `after`.
            data (Company | Event | None | Opportunity | Product | Unset):
     """

    at: datetime.datetime
    entity: ChangeEntity
    id: str
    op: ChangeOp
    seq: int
    data: Company | Event | None | Opportunity | Product | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.company import Company # noqa: PLC0415
        from ..models.event import Event # noqa: PLC0415
        from ..models.opportunity import Opportunity # noqa: PLC0415
        from ..models.product import Product # noqa: PLC0415
        at = self.at.isoformat()

        entity = self.entity.value

        id = self.id

        op = self.op.value

        seq = self.seq

        data: dict[str, Any] | None | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, Company):
            data = self.data.to_dict()
        elif isinstance(self.data, Product):
            data = self.data.to_dict()
        elif isinstance(self.data, Event):
            data = self.data.to_dict()
        elif isinstance(self.data, Opportunity):
            data = self.data.to_dict()
        else:
            data = self.data


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "at": at,
            "entity": entity,
            "id": id,
            "op": op,
            "seq": seq,
        })
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.company import Company # noqa: PLC0415
        from ..models.event import Event # noqa: PLC0415
        from ..models.opportunity import Opportunity # noqa: PLC0415
        from ..models.product import Product # noqa: PLC0415
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))




        entity = ChangeEntity(d.pop("entity"))




        id = d.pop("id")

        op = ChangeOp(d.pop("op"))




        seq = d.pop("seq")

        def _parse_data(data: object) -> Company | Event | None | Opportunity | Product | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_change_data_type_0 = Company.from_dict(data)



                return componentsschemas_change_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_change_data_type_1 = Product.from_dict(data)



                return componentsschemas_change_data_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_change_data_type_2 = Event.from_dict(data)



                return componentsschemas_change_data_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_change_data_type_3 = Opportunity.from_dict(data)



                return componentsschemas_change_data_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Company | Event | None | Opportunity | Product | Unset, data)

        data = _parse_data(d.pop("data", UNSET))


        change_dto = cls(
            at=at,
            entity=entity,
            id=id,
            op=op,
            seq=seq,
            data=data,
        )


        change_dto.additional_properties = d
        return change_dto

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
