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
  from ..models.text_patch import TextPatch
  from ..models.title_patch import TitlePatch





T = TypeVar("T", bound="OpportunityPatch")



@_attrs_define
class OpportunityPatch:
    """ A JSON merge patch (RFC 7396) of `OpportunityInput`: send only the fields to change. `null` removes an optional
    field, nested objects merge field by field, and lists are replaced whole. The result must be a valid
    `OpportunityInput`.

        Attributes:
            company_id (str | Unset): The publishing organisation: one the caller is a member of. Cannot change later.
            description (None | TextPatch | Unset):
            industries (list[str] | None | Unset): NACE Rev. 2 codes at any level (`C`, `25`, `25.62`). Example: ['25.62'].
            keywords (list[str] | None | Unset): Free keywords, up to 30 of up to 60 characters. Example: ['CNC',
                'Lohnfertigung'].
            partnership_types (list[PartnershipType] | None | Unset): The kinds of partnership sought.
            status (None | OpportunityStatus | Unset):
            summary (None | TextPatch | Unset):
            target_countries (list[Country] | None | Unset): The countries partners are sought in; none: anywhere.
            target_regions (list[str] | None | Unset): NUTS-3 regions partners are sought in; none: anywhere. Example:
                ['CZ042'].
            title (TitlePatch | Unset): A title per language; any may be left out or `null`, one is needed.
            type_ (OpportunityType | Unset):
            valid_until (datetime.date | Unset): The last day the opportunity is valid: today at the earliest, a year ahead
                at the latest.
                Afterwards it leaves the public lists by itself.
     """

    company_id: str | Unset = UNSET
    description: None | TextPatch | Unset = UNSET
    industries: list[str] | None | Unset = UNSET
    keywords: list[str] | None | Unset = UNSET
    partnership_types: list[PartnershipType] | None | Unset = UNSET
    status: None | OpportunityStatus | Unset = UNSET
    summary: None | TextPatch | Unset = UNSET
    target_countries: list[Country] | None | Unset = UNSET
    target_regions: list[str] | None | Unset = UNSET
    title: TitlePatch | Unset = UNSET
    type_: OpportunityType | Unset = UNSET
    valid_until: datetime.date | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.text_patch import TextPatch # noqa: PLC0415
        from ..models.title_patch import TitlePatch # noqa: PLC0415
        company_id = self.company_id

        description: dict[str, Any] | None | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, TextPatch):
            description = self.description.to_dict()
        else:
            description = self.description

        industries: list[str] | None | Unset
        if isinstance(self.industries, Unset):
            industries = UNSET
        elif isinstance(self.industries, list):
            industries = self.industries


        else:
            industries = self.industries

        keywords: list[str] | None | Unset
        if isinstance(self.keywords, Unset):
            keywords = UNSET
        elif isinstance(self.keywords, list):
            keywords = self.keywords


        else:
            keywords = self.keywords

        partnership_types: list[str] | None | Unset
        if isinstance(self.partnership_types, Unset):
            partnership_types = UNSET
        elif isinstance(self.partnership_types, list):
            partnership_types = []
            for partnership_types_type_0_item_data in self.partnership_types:
                partnership_types_type_0_item = partnership_types_type_0_item_data.value
                partnership_types.append(partnership_types_type_0_item)


        else:
            partnership_types = self.partnership_types

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
        elif isinstance(self.summary, TextPatch):
            summary = self.summary.to_dict()
        else:
            summary = self.summary

        target_countries: list[str] | None | Unset
        if isinstance(self.target_countries, Unset):
            target_countries = UNSET
        elif isinstance(self.target_countries, list):
            target_countries = []
            for target_countries_type_0_item_data in self.target_countries:
                target_countries_type_0_item = target_countries_type_0_item_data.value
                target_countries.append(target_countries_type_0_item)


        else:
            target_countries = self.target_countries

        target_regions: list[str] | None | Unset
        if isinstance(self.target_regions, Unset):
            target_regions = UNSET
        elif isinstance(self.target_regions, list):
            target_regions = self.target_regions


        else:
            target_regions = self.target_regions

        title: dict[str, Any] | Unset = UNSET
        if not isinstance(self.title, Unset):
            title = self.title.to_dict()

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value


        valid_until: str | Unset = UNSET
        if not isinstance(self.valid_until, Unset):
            valid_until = self.valid_until.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if company_id is not UNSET:
            field_dict["company_id"] = company_id
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
        if title is not UNSET:
            field_dict["title"] = title
        if type_ is not UNSET:
            field_dict["type"] = type_
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.text_patch import TextPatch # noqa: PLC0415
        from ..models.title_patch import TitlePatch # noqa: PLC0415
        d = dict(src_dict)
        company_id = d.pop("company_id", UNSET)

        def _parse_description(data: object) -> None | TextPatch | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_0 = TextPatch.from_dict(data)



                return description_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TextPatch | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_industries(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                industries_type_0 = cast(list[str], data)

                return industries_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        industries = _parse_industries(d.pop("industries", UNSET))


        def _parse_keywords(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                keywords_type_0 = cast(list[str], data)

                return keywords_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        keywords = _parse_keywords(d.pop("keywords", UNSET))


        def _parse_partnership_types(data: object) -> list[PartnershipType] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                partnership_types_type_0 = []
                _partnership_types_type_0 = data
                for partnership_types_type_0_item_data in (_partnership_types_type_0):
                    partnership_types_type_0_item = PartnershipType(partnership_types_type_0_item_data)



                    partnership_types_type_0.append(partnership_types_type_0_item)

                return partnership_types_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PartnershipType] | None | Unset, data)

        partnership_types = _parse_partnership_types(d.pop("partnership_types", UNSET))


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


        def _parse_summary(data: object) -> None | TextPatch | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                summary_type_0 = TextPatch.from_dict(data)



                return summary_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TextPatch | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))


        def _parse_target_countries(data: object) -> list[Country] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                target_countries_type_0 = []
                _target_countries_type_0 = data
                for target_countries_type_0_item_data in (_target_countries_type_0):
                    target_countries_type_0_item = Country(target_countries_type_0_item_data)



                    target_countries_type_0.append(target_countries_type_0_item)

                return target_countries_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Country] | None | Unset, data)

        target_countries = _parse_target_countries(d.pop("target_countries", UNSET))


        def _parse_target_regions(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                target_regions_type_0 = cast(list[str], data)

                return target_regions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        target_regions = _parse_target_regions(d.pop("target_regions", UNSET))


        _title = d.pop("title", UNSET)
        title: TitlePatch | Unset
        if isinstance(_title,  Unset):
            title = UNSET
        else:
            title = TitlePatch.from_dict(_title)




        _type_ = d.pop("type", UNSET)
        type_: OpportunityType | Unset
        if isinstance(_type_,  Unset):
            type_ = UNSET
        else:
            type_ = OpportunityType(_type_)




        _valid_until = d.pop("valid_until", UNSET)
        valid_until: datetime.date | Unset
        if isinstance(_valid_until,  Unset):
            valid_until = UNSET
        else:
            valid_until = datetime.date.fromisoformat(_valid_until)




        opportunity_patch = cls(
            company_id=company_id,
            description=description,
            industries=industries,
            keywords=keywords,
            partnership_types=partnership_types,
            status=status,
            summary=summary,
            target_countries=target_countries,
            target_regions=target_regions,
            title=title,
            type_=type_,
            valid_until=valid_until,
        )

        return opportunity_patch

