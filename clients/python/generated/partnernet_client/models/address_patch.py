from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.country import Country
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AddressPatch")



@_attrs_define
class AddressPatch:
    """ 
        Attributes:
            city (None | str | Unset):
            country (Country | Unset):
            postal_code (None | str | Unset): A postal code of the country, which must exist; region and coordinates are
                derived
                from it. Example: 400 01.
            street (None | str | Unset):
     """

    city: None | str | Unset = UNSET
    country: Country | Unset = UNSET
    postal_code: None | str | Unset = UNSET
    street: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        country: str | Unset = UNSET
        if not isinstance(self.country, Unset):
            country = self.country.value


        postal_code: None | str | Unset
        if isinstance(self.postal_code, Unset):
            postal_code = UNSET
        else:
            postal_code = self.postal_code

        street: None | str | Unset
        if isinstance(self.street, Unset):
            street = UNSET
        else:
            street = self.street


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if city is not UNSET:
            field_dict["city"] = city
        if country is not UNSET:
            field_dict["country"] = country
        if postal_code is not UNSET:
            field_dict["postal_code"] = postal_code
        if street is not UNSET:
            field_dict["street"] = street

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        city = _parse_city(d.pop("city", UNSET))


        _country = d.pop("country", UNSET)
        country: Country | Unset
        if isinstance(_country,  Unset):
            country = UNSET
        else:
            country = Country(_country)




        def _parse_postal_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        postal_code = _parse_postal_code(d.pop("postal_code", UNSET))


        def _parse_street(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        street = _parse_street(d.pop("street", UNSET))


        address_patch = cls(
            city=city,
            country=country,
            postal_code=postal_code,
            street=street,
        )

        return address_patch

