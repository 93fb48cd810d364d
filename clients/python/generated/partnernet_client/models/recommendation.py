from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.country import Country
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.organisation_ref import OrganisationRef
  from ..models.recommendation_reason import RecommendationReason
  from ..models.recommended_opportunity import RecommendedOpportunity





T = TypeVar("T", bound="Recommendation")



@_attrs_define
class Recommendation:
    """ An organisation to get in touch with, or one of its opportunities, and why.

        Attributes:
            country (Country):
            organisation (OrganisationRef): An organisation an event belongs to or a registration is for, with its profile.
            reasons (list[RecommendationReason]): Strongest first.
            score (int): Evidence points; higher is a better match. Equal scores are in name order.
            city (None | str | Unset):
            opportunity (None | RecommendedOpportunity | Unset):
     """

    country: Country
    organisation: OrganisationRef
    reasons: list[RecommendationReason]
    score: int
    city: None | str | Unset = UNSET
    opportunity: None | RecommendedOpportunity | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.organisation_ref import OrganisationRef # noqa: PLC0415
        from ..models.recommendation_reason import RecommendationReason # noqa: PLC0415
        from ..models.recommended_opportunity import RecommendedOpportunity # noqa: PLC0415
        country = self.country.value

        organisation = self.organisation.to_dict()

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)



        score = self.score

        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        opportunity: dict[str, Any] | None | Unset
        if isinstance(self.opportunity, Unset):
            opportunity = UNSET
        elif isinstance(self.opportunity, RecommendedOpportunity):
            opportunity = self.opportunity.to_dict()
        else:
            opportunity = self.opportunity


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "country": country,
            "organisation": organisation,
            "reasons": reasons,
            "score": score,
        })
        if city is not UNSET:
            field_dict["city"] = city
        if opportunity is not UNSET:
            field_dict["opportunity"] = opportunity

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organisation_ref import OrganisationRef # noqa: PLC0415
        from ..models.recommendation_reason import RecommendationReason # noqa: PLC0415
        from ..models.recommended_opportunity import RecommendedOpportunity # noqa: PLC0415
        d = dict(src_dict)
        country = Country(d.pop("country"))




        organisation = OrganisationRef.from_dict(d.pop("organisation"))




        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in (_reasons):
            reasons_item = RecommendationReason.from_dict(reasons_item_data)



            reasons.append(reasons_item)


        score = d.pop("score")

        def _parse_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        city = _parse_city(d.pop("city", UNSET))


        def _parse_opportunity(data: object) -> None | RecommendedOpportunity | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                opportunity_type_0 = RecommendedOpportunity.from_dict(data)



                return opportunity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecommendedOpportunity | Unset, data)

        opportunity = _parse_opportunity(d.pop("opportunity", UNSET))


        recommendation = cls(
            country=country,
            organisation=organisation,
            reasons=reasons,
            score=score,
            city=city,
            opportunity=opportunity,
        )


        recommendation.additional_properties = d
        return recommendation

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
