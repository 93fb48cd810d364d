from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.country import Country
from ..models.opportunity_status import OpportunityStatus
from ..models.opportunity_type import OpportunityType
from ..models.partnership_type import PartnershipType
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.text_input import TextInput
  from ..models.title_input import TitleInput





T = TypeVar("T", bound="OpportunityInput")



@_attrs_define
class OpportunityInput:
    """ An opportunity as its organisation's members write it.

        Attributes:
            company_id (str): The publishing organisation: one the caller is a member of. Cannot change later.
            title (TitleInput): A title per language; any may be left out or `null`, one is needed.
            type_ (OpportunityType):
            valid_until (datetime.date): The last day the opportunity is valid: today at the earliest, a year ahead at the
                latest.
                Afterwards it leaves the public lists by itself.
            description (None | TextInput | Unset):
            industries (list[str] | Unset): NACE Rev. 2 codes at any level (`C`, `25`, `25.62`). Example: ['25.62'].
            keywords (list[str] | Unset): Free keywords, up to 30 of up to 60 characters. Example: ['CNC', 'Lohnfertigung'].
            partnership_types (list[PartnershipType] | Unset): The kinds of partnership sought.
            status (None | OpportunityStatus | Unset):
            summary (None | TextInput | Unset):
            target_countries (list[Country] | Unset): The countries partners are sought in; none: anywhere.
            target_regions (list[str] | Unset): NUTS-3 regions partners are sought in; none: anywhere. Example: ['CZ042'].
     """

    company_id: str
    title: TitleInput
    type_: OpportunityType
    valid_until: datetime.date
    description: None | TextInput | Unset = UNSET
    industries: list[str] | Unset = UNSET
    keywords: list[str] | Unset = UNSET
    partnership_types: list[PartnershipType] | Unset = UNSET
    status: None | OpportunityStatus | Unset = UNSET
    summary: None | TextInput | Unset = UNSET
    target_countries: list[Country] | Unset = UNSET
    target_regions: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.text_input import TextInput # noqa: PLC0415
        from ..models.title_input import TitleInput # noqa: PLC0415
        company_id = self.company_id

        title = self.title.to_dict()

        type_ = self.type_.value

        valid_until = self.valid_until.isoformat()

        description: dict[str, Any] | None | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, TextInput):
            description = self.description.to_dict()
        else:
            description = self.description

        industries: list[str] | Unset = UNSET
        if not isinstance(self.industries, Unset):
            industries = self.industries



        keywords: list[str] | Unset = UNSET
        if not isinstance(self.keywords, Unset):
            keywords = self.keywords



        partnership_types: list[str] | Unset = UNSET
        if not isinstance(self.partnership_types, Unset):
            partnership_types = []
            for partnership_types_item_data in self.partnership_types:
                partnership_types_item = partnership_types_item_data.value
                partnership_types.append(partnership_types_item)



        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, OpportunityStatus):
            status = self.status.value
        else:
            status = self.status

        summary: dict[str, Any] | None | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        elif isinstance(self.summary, TextInput):
            summary = self.summary.to_dict()
        else:
            summary = self.summary

        target_countries: list[str] | Unset = UNSET
        if not isinstance(self.target_countries, Unset):
            target_countries = []
            for target_countries_item_data in self.target_countries:
                target_countries_item = target_countries_item_data.value
                target_countries.append(target_countries_item)



        target_regions: list[str] | Unset = UNSET
        if not isinstance(self.target_regions, Unset):
            target_regions = self.target_regions




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "company_id": company_id,
            "title": title,
            "type": type_,
            "valid_until": valid_until,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if industries is not UNSET:
            field_dict["industries"] = industries
        if keywords is not UNSET:
            field_dict["keywords"] = keywords
        if partnership_types is not UNSET:
            field_dict["partnership_types"] = partnership_types
        if status is not UNSET:
            field_dict["status"] = status
        if summary is not UNSET:
            field_dict["summary"] = summary
        if target_countries is not UNSET:
            field_dict["target_countries"] = target_countries
        if target_regions is not UNSET:
            field_dict["target_regions"] = target_regions

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.text_input import TextInput # noqa: PLC0415
        from ..models.title_input import TitleInput # noqa: PLC0415
        d = dict(src_dict)
        company_id = d.pop("company_id")

        title = TitleInput.from_dict(d.pop("title"))




        type_ = OpportunityType(d.pop("type"))




        valid_until = datetime.date.fromisoformat(d.pop("valid_until"))




        def _parse_description(data: object) -> None | TextInput | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_0 = TextInput.from_dict(data)



                return description_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TextInput | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        industries = cast(list[str], d.pop("industries", UNSET))


        keywords = cast(list[str], d.pop("keywords", UNSET))


        _partnership_types = d.pop("partnership_types", UNSET)
        partnership_types: list[PartnershipType] | Unset = UNSET
        if _partnership_types is not UNSET:
            partnership_types = []
            for partnership_types_item_data in _partnership_types:
                partnership_types_item = PartnershipType(partnership_types_item_data)



                partnership_types.append(partnership_types_item)


        def _parse_status(data: object) -> None | OpportunityStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = OpportunityStatus(data)



                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OpportunityStatus | Unset, data)

        status = _parse_status(d.pop("status", UNSET))


        def _parse_summary(data: object) -> None | TextInput | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                summary_type_0 = TextInput.from_dict(data)



                return summary_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TextInput | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))


        _target_countries = d.pop("target_countries", UNSET)
        target_countries: list[Country] | Unset = UNSET
        if _target_countries is not UNSET:
            target_countries = []
            for target_countries_item_data in _target_countries:
                target_countries_item = Country(target_countries_item_data)



                target_countries.append(target_countries_item)


        target_regions = cast(list[str], d.pop("target_regions", UNSET))


        opportunity_input = cls(
            company_id=company_id,
            title=title,
            type_=type_,
            valid_until=valid_until,
            description=description,
            industries=industries,
            keywords=keywords,
            partnership_types=partnership_types,
            status=status,
            summary=summary,
            target_countries=target_countries,
            target_regions=target_regions,
        )

        return opportunity_input

