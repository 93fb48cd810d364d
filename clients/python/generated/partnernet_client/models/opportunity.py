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
  from ..models.industry_ref import IndustryRef
  from ..models.localized_text import LocalizedText
  from ..models.organisation_ref import OrganisationRef





T = TypeVar("T", bound="Opportunity")



@_attrs_define
class Opportunity:
    """ What an organisation offers or seeks, and the partners it looks for.

        Attributes:
            company (OrganisationRef): An organisation an event belongs to or a registration is for, with its profile.
            created_at (datetime.datetime):
            description (LocalizedText): A text its author wrote per language; a language without text is `null`.
            expired (bool): Whether `valid_until` has passed: the opportunity is out of the public lists.
            id (str):
            industries (list[IndustryRef]):
            keywords (list[str]):
            partnership_types (list[PartnershipType]):
            status (OpportunityStatus):
            summary (LocalizedText): A text its author wrote per language; a language without text is `null`.
            target_countries (list[Country]):
            target_regions (list[str]):
            title (LocalizedText): A text its author wrote per language; a language without text is `null`.
            type_ (OpportunityType):
            updated_at (datetime.datetime):
            valid_until (datetime.date):
            version (int): Increases with every change; the ETag is derived from it.
            distance_km (float | None | Unset): In searches with `near` or `near_postal_code`: the distance of the
                organisation in km.
     """

    company: OrganisationRef
    created_at: datetime.datetime
    description: LocalizedText
    expired: bool
    id: str
    industries: list[IndustryRef]
    keywords: list[str]
    partnership_types: list[PartnershipType]
    status: OpportunityStatus
    summary: LocalizedText
    target_countries: list[Country]
    target_regions: list[str]
    title: LocalizedText
    type_: OpportunityType
    updated_at: datetime.datetime
    valid_until: datetime.date
    version: int
    distance_km: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.industry_ref import IndustryRef # noqa: PLC0415
        from ..models.localized_text import LocalizedText # noqa: PLC0415
        from ..models.organisation_ref import OrganisationRef # noqa: PLC0415
        company = self.company.to_dict()

        created_at = self.created_at.isoformat()

        description = self.description.to_dict()

        expired = self.expired

        id = self.id

        industries = []
        for industries_item_data in self.industries:
            industries_item = industries_item_data.to_dict()
            industries.append(industries_item)



        keywords = self.keywords



        partnership_types = []
        for partnership_types_item_data in self.partnership_types:
            partnership_types_item = partnership_types_item_data.value
            partnership_types.append(partnership_types_item)



        status = self.status.value

        summary = self.summary.to_dict()

        target_countries = []
        for target_countries_item_data in self.target_countries:
            target_countries_item = target_countries_item_data.value
            target_countries.append(target_countries_item)



        target_regions = self.target_regions



        title = self.title.to_dict()

        type_ = self.type_.value

        updated_at = self.updated_at.isoformat()

        valid_until = self.valid_until.isoformat()

        version = self.version

        distance_km: float | None | Unset
        if isinstance(self.distance_km, Unset):
            distance_km = UNSET
        else:
            distance_km = self.distance_km


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "company": company,
            "created_at": created_at,
            "description": description,
            "expired": expired,
            "id": id,
            "industries": industries,
            "keywords": keywords,
            "partnership_types": partnership_types,
            "status": status,
            "summary": summary,
            "target_countries": target_countries,
            "target_regions": target_regions,
            "title": title,
            "type": type_,
            "updated_at": updated_at,
            "valid_until": valid_until,
            "version": version,
        })
        if distance_km is not UNSET:
            field_dict["distance_km"] = distance_km

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.industry_ref import IndustryRef # noqa: PLC0415
        from ..models.localized_text import LocalizedText # noqa: PLC0415
        from ..models.organisation_ref import OrganisationRef # noqa: PLC0415
        d = dict(src_dict)
        company = OrganisationRef.from_dict(d.pop("company"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        description = LocalizedText.from_dict(d.pop("description"))




        expired = d.pop("expired")

        id = d.pop("id")

        industries = []
        _industries = d.pop("industries")
        for industries_item_data in (_industries):
            industries_item = IndustryRef.from_dict(industries_item_data)



            industries.append(industries_item)


        keywords = cast(list[str], d.pop("keywords"))


        partnership_types = []
        _partnership_types = d.pop("partnership_types")
        for partnership_types_item_data in (_partnership_types):
            partnership_types_item = PartnershipType(partnership_types_item_data)



            partnership_types.append(partnership_types_item)


        status = OpportunityStatus(d.pop("status"))




        summary = LocalizedText.from_dict(d.pop("summary"))




        target_countries = []
        _target_countries = d.pop("target_countries")
        for target_countries_item_data in (_target_countries):
            target_countries_item = Country(target_countries_item_data)



            target_countries.append(target_countries_item)


        target_regions = cast(list[str], d.pop("target_regions"))


        title = LocalizedText.from_dict(d.pop("title"))




        type_ = OpportunityType(d.pop("type"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        valid_until = datetime.date.fromisoformat(d.pop("valid_until"))




        version = d.pop("version")

        def _parse_distance_km(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        distance_km = _parse_distance_km(d.pop("distance_km", UNSET))


        opportunity = cls(
            company=company,
            created_at=created_at,
            description=description,
            expired=expired,
            id=id,
            industries=industries,
            keywords=keywords,
            partnership_types=partnership_types,
            status=status,
            summary=summary,
            target_countries=target_countries,
            target_regions=target_regions,
            title=title,
            type_=type_,
            updated_at=updated_at,
            valid_until=valid_until,
            version=version,
            distance_km=distance_km,
        )


        opportunity.additional_properties = d
        return opportunity

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
