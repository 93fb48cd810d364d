from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.facet_value import FacetValue





T = TypeVar("T", bound="Facets")



@_attrs_define
class Facets:
    """ Result counts over the whole result set; only the facets asked for are present, each with
    its values by count, most frequent first.

        Attributes:
            total (int): All results.
            country (list[FacetValue] | None | Unset):
            kind (list[FacetValue] | None | Unset):
            nace_section (list[FacetValue] | None | Unset):
            partnership_type (list[FacetValue] | None | Unset): Opportunities: the partnership types they seek.
            region (list[FacetValue] | None | Unset):
            size (list[FacetValue] | None | Unset): Companies: their EU size classes (`micro`, `small`, `medium`, `large`);
                those without
                one are not counted here.
     """

    total: int
    country: list[FacetValue] | None | Unset = UNSET
    kind: list[FacetValue] | None | Unset = UNSET
    nace_section: list[FacetValue] | None | Unset = UNSET
    partnership_type: list[FacetValue] | None | Unset = UNSET
    region: list[FacetValue] | None | Unset = UNSET
    size: list[FacetValue] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.facet_value import FacetValue # noqa: PLC0415
        total = self.total

        country: list[dict[str, Any]] | None | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        elif isinstance(self.country, list):
            country = []
            for country_type_0_item_data in self.country:
                country_type_0_item = country_type_0_item_data.to_dict()
                country.append(country_type_0_item)


        else:
            country = self.country

        kind: list[dict[str, Any]] | None | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, list):
            kind = []
            for kind_type_0_item_data in self.kind:
                kind_type_0_item = kind_type_0_item_data.to_dict()
                kind.append(kind_type_0_item)


        else:
            kind = self.kind

        nace_section: list[dict[str, Any]] | None | Unset
        if isinstance(self.nace_section, Unset):
            nace_section = UNSET
        elif isinstance(self.nace_section, list):
            nace_section = []
            for nace_section_type_0_item_data in self.nace_section:
                nace_section_type_0_item = nace_section_type_0_item_data.to_dict()
                nace_section.append(nace_section_type_0_item)


        else:
            nace_section = self.nace_section

        partnership_type: list[dict[str, Any]] | None | Unset
        if isinstance(self.partnership_type, Unset):
            partnership_type = UNSET
        elif isinstance(self.partnership_type, list):
            partnership_type = []
            for partnership_type_type_0_item_data in self.partnership_type:
                partnership_type_type_0_item = partnership_type_type_0_item_data.to_dict()
                partnership_type.append(partnership_type_type_0_item)


        else:
            partnership_type = self.partnership_type

        region: list[dict[str, Any]] | None | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        elif isinstance(self.region, list):
            region = []
            for region_type_0_item_data in self.region:
                region_type_0_item = region_type_0_item_data.to_dict()
                region.append(region_type_0_item)


        else:
            region = self.region

        size: list[dict[str, Any]] | None | Unset
        if isinstance(self.size, Unset):
            size = UNSET
        elif isinstance(self.size, list):
            size = []
            for size_type_0_item_data in self.size:
                size_type_0_item = size_type_0_item_data.to_dict()
                size.append(size_type_0_item)


        else:
            size = self.size


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "total": total,
        })
        if country is not UNSET:
            field_dict["country"] = country
        if kind is not UNSET:
            field_dict["kind"] = kind
        if nace_section is not UNSET:
            field_dict["nace_section"] = nace_section
        if partnership_type is not UNSET:
            field_dict["partnership_type"] = partnership_type
        if region is not UNSET:
            field_dict["region"] = region
        if size is not UNSET:
            field_dict["size"] = size

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.facet_value import FacetValue # noqa: PLC0415
        d = dict(src_dict)
        total = d.pop("total")

        def _parse_country(data: object) -> list[FacetValue] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                country_type_0 = []
                _country_type_0 = data
                for country_type_0_item_data in (_country_type_0):
                    country_type_0_item = FacetValue.from_dict(country_type_0_item_data)



                    country_type_0.append(country_type_0_item)

                return country_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FacetValue] | None | Unset, data)

        country = _parse_country(d.pop("country", UNSET))


        def _parse_kind(data: object) -> list[FacetValue] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                kind_type_0 = []
                _kind_type_0 = data
                for kind_type_0_item_data in (_kind_type_0):
                    kind_type_0_item = FacetValue.from_dict(kind_type_0_item_data)



                    kind_type_0.append(kind_type_0_item)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FacetValue] | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))


        def _parse_nace_section(data: object) -> list[FacetValue] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                nace_section_type_0 = []
                _nace_section_type_0 = data
                for nace_section_type_0_item_data in (_nace_section_type_0):
                    nace_section_type_0_item = FacetValue.from_dict(nace_section_type_0_item_data)



                    nace_section_type_0.append(nace_section_type_0_item)

                return nace_section_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FacetValue] | None | Unset, data)

        nace_section = _parse_nace_section(d.pop("nace_section", UNSET))


        def _parse_partnership_type(data: object) -> list[FacetValue] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                partnership_type_type_0 = []
                _partnership_type_type_0 = data
                for partnership_type_type_0_item_data in (_partnership_type_type_0):
                    partnership_type_type_0_item = FacetValue.from_dict(partnership_type_type_0_item_data)



                    partnership_type_type_0.append(partnership_type_type_0_item)

                return partnership_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FacetValue] | None | Unset, data)

        partnership_type = _parse_partnership_type(d.pop("partnership_type", UNSET))


        def _parse_region(data: object) -> list[FacetValue] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                region_type_0 = []
                _region_type_0 = data
                for region_type_0_item_data in (_region_type_0):
                    region_type_0_item = FacetValue.from_dict(region_type_0_item_data)



                    region_type_0.append(region_type_0_item)

                return region_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FacetValue] | None | Unset, data)

        region = _parse_region(d.pop("region", UNSET))


        def _parse_size(data: object) -> list[FacetValue] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                size_type_0 = []
                _size_type_0 = data
                for size_type_0_item_data in (_size_type_0):
                    size_type_0_item = FacetValue.from_dict(size_type_0_item_data)



                    size_type_0.append(size_type_0_item)

                return size_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FacetValue] | None | Unset, data)

        size = _parse_size(d.pop("size", UNSET))


        facets = cls(
            total=total,
            country=country,
            kind=kind,
            nace_section=nace_section,
            partnership_type=partnership_type,
            region=region,
            size=size,
        )


        facets.additional_properties = d
        return facets

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
