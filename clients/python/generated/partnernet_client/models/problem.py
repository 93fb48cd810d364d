from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.field_error import FieldError





T = TypeVar("T", bound="Problem")



@_attrs_define
class Problem:
    """ An RFC 9457 problem document. `code` is stable and meant for programs; `title` and `detail`
    are for people and may change.

        Example:
            {'code': 'invalid_parameter', 'detail': "limit: '1000' is out of range; expected a whole number from 1 to 100",
                'errors': [{'code': 'out_of_range', 'message': "'1000' is out of range; expected a whole number from 1 to 100",
                'parameter': 'limit'}], 'status': 400, 'title': 'Invalid parameter', 'type':
                'urn:partnernet:problem:invalid_parameter'}

        Attributes:
            code (str):
            detail (str):
            status (int):
            title (str):
            type_ (str): `urn:partnernet:problem:{code}`.
            claim (None | str | Unset): With `register_id_taken`, when nobody manages that company yet: where to claim it.
                Example: /v1/companies/01a2262f-f60f-7757-94b9-1d6bc3976d34/claims.
            errors (list[FieldError] | Unset): What exactly was wrong, one entry per field or parameter.
            existing (None | str | Unset): With `register_id_taken`: the company that has the identity. Example:
                /v1/companies/01a2262f-f60f-7757-94b9-1d6bc3976d34.
     """

    code: str
    detail: str
    status: int
    title: str
    type_: str
    claim: None | str | Unset = UNSET
    errors: list[FieldError] | Unset = UNSET
    existing: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.field_error import FieldError # noqa: PLC0415
        code = self.code

        detail = self.detail

        status = self.status

        title = self.title

        type_ = self.type_

        claim: None | str | Unset
        if isinstance(self.claim, Unset):
            claim = UNSET
        else:
            claim = self.claim

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)



        existing: None | str | Unset
        if isinstance(self.existing, Unset):
            existing = UNSET
        else:
            existing = self.existing


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "detail": detail,
            "status": status,
            "title": title,
            "type": type_,
        })
        if claim is not UNSET:
            field_dict["claim"] = claim
        if errors is not UNSET:
            field_dict["errors"] = errors
        if existing is not UNSET:
            field_dict["existing"] = existing

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_error import FieldError # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        detail = d.pop("detail")

        status = d.pop("status")

        title = d.pop("title")

        type_ = d.pop("type")

        def _parse_claim(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        claim = _parse_claim(d.pop("claim", UNSET))


        _errors = d.pop("errors", UNSET)
        errors: list[FieldError] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = FieldError.from_dict(errors_item_data)



                errors.append(errors_item)


        def _parse_existing(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        existing = _parse_existing(d.pop("existing", UNSET))


        problem = cls(
            code=code,
            detail=detail,
            status=status,
            title=title,
            type_=type_,
            claim=claim,
            errors=errors,
            existing=existing,
        )


        problem.additional_properties = d
        return problem

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
