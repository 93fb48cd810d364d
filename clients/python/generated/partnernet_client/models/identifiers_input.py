from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.register_input import RegisterInput





T = TypeVar("T", bound="IdentifiersInput")



@_attrs_define
class IdentifiersInput:
    """ 
        Attributes:
            ico (None | str | Unset): Czech companies: the IČO (eight digits with a valid check digit). Give either an IČO
                or
                a German register entry, not both. Example: 26168685.
            register (None | RegisterInput | Unset):
            vat_id (None | str | Unset): `DE` and 9 digits, or `CZ` and 8 to 10 digits, of the company's country. Example:
                CZ26168685.
     """

    ico: None | str | Unset = UNSET
    register: None | RegisterInput | Unset = UNSET
    vat_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.register_input import RegisterInput # noqa: PLC0415
        ico: None | str | Unset
        if isinstance(self.ico, Unset):
            ico = UNSET
        else:
            ico = self.ico

        register: dict[str, Any] | None | Unset
        if isinstance(self.register, Unset):
            register = UNSET
        elif isinstance(self.register, RegisterInput):
            register = self.register.to_dict()
        else:
            register = self.register

        vat_id: None | str | Unset
        if isinstance(self.vat_id, Unset):
            vat_id = UNSET
        else:
            vat_id = self.vat_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if ico is not UNSET:
            field_dict["ico"] = ico
        if register is not UNSET:
            field_dict["register"] = register
        if vat_id is not UNSET:
            field_dict["vat_id"] = vat_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.register_input import RegisterInput # noqa: PLC0415
        d = dict(src_dict)
        def _parse_ico(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ico = _parse_ico(d.pop("ico", UNSET))


        def _parse_register(data: object) -> None | RegisterInput | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                register_type_0 = RegisterInput.from_dict(data)



                return register_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RegisterInput | Unset, data)

        register = _parse_register(d.pop("register", UNSET))


        def _parse_vat_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vat_id = _parse_vat_id(d.pop("vat_id", UNSET))


        identifiers_input = cls(
            ico=ico,
            register=register,
            vat_id=vat_id,
        )


        identifiers_input.additional_properties = d
        return identifiers_input

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
