from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.count import Count
  from ..models.facets import Facets
  from ..models.month import Month





T = TypeVar("T", bound="Statistics")



@_attrs_define
class Statistics:
    """ The statistics.

        Attributes:
            companies (Facets): Result counts over the whole result set; only the facets asked for are present, each with
                its values by count, most frequent first.
            events (list[Month]): Public events (published or cancelled) and their registrations by the month they start.
            opportunities (Facets): Result counts over the whole result set; only the facets asked for are present, each
                with
                its values by count, most frequent first.
            partnerships (list[Count]): Partnerships by status: counts only.
     """

    companies: Facets
    events: list[Month]
    opportunities: Facets
    partnerships: list[Count]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.count import Count # noqa: PLC0415
        from ..models.facets import Facets # noqa: PLC0415
        from ..models.month import Month # noqa: PLC0415
        companies = self.companies.to_dict()

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)



        opportunities = self.opportunities.to_dict()

        partnerships = []
        for partnerships_item_data in self.partnerships:
            partnerships_item = partnerships_item_data.to_dict()
            partnerships.append(partnerships_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "companies": companies,
            "events": events,
            "opportunities": opportunities,
            "partnerships": partnerships,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.count import Count # noqa: PLC0415
        from ..models.facets import Facets # noqa: PLC0415
        from ..models.month import Month # noqa: PLC0415
        d = dict(src_dict)
        companies = Facets.from_dict(d.pop("companies"))




        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            events_item = Month.from_dict(events_item_data)



            events.append(events_item)


        opportunities = Facets.from_dict(d.pop("opportunities"))




        partnerships = []
        _partnerships = d.pop("partnerships")
        for partnerships_item_data in (_partnerships):
            partnerships_item = Count.from_dict(partnerships_item_data)



            partnerships.append(partnerships_item)


        statistics = cls(
            companies=companies,
            events=events,
            opportunities=opportunities,
            partnerships=partnerships,
        )


        statistics.additional_properties = d
        return statistics

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
