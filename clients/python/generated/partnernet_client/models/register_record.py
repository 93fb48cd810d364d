from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.register_source import RegisterSource
from ..models.register_status import RegisterStatus
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="RegisterRecord")



@_attrs_define
class RegisterRecord:
    """ Where an imported profile's register data comes from. The register owns the name, legal
    form, identifiers, address, industries and founding date of such a profile: a newer record
    from the register updates them. Everything else belongs to the company's members.

        Attributes:
            imported_at (datetime.datetime): When the record was last applied.
            source (RegisterSource): The public register a profile was imported from.
            status (RegisterStatus): Whether the organisation still exists according to its register.
            legal_form_as_registered (None | str | Unset): The register's legal form as given, when it is none of the
                platform's legal forms
                (`legal_form` is then `null`). Example: 999.
            record_date (datetime.datetime | None | Unset): The date of the register record last applied.
     """

    imported_at: datetime.datetime
    source: RegisterSource
    status: RegisterStatus
    legal_form_as_registered: None | str | Unset = UNSET
    record_date: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        imported_at = self.imported_at.isoformat()

        source = self.source.value

        status = self.status.value

        legal_form_as_registered: None | str | Unset
        if isinstance(self.legal_form_as_registered, Unset):
            legal_form_as_registered = UNSET
        else:
            legal_form_as_registered = self.legal_form_as_registered

        record_date: None | str | Unset
        if isinstance(self.record_date, Unset):
            record_date = UNSET
        elif isinstance(self.record_date, datetime.datetime):
            record_date = self.record_date.isoformat()
        else:
            record_date = self.record_date


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "imported_at": imported_at,
            "source": source,
            "status": status,
        })
        if legal_form_as_registered is not UNSET:
            field_dict["legal_form_as_registered"] = legal_form_as_registered
        if record_date is not UNSET:
            field_dict["record_date"] = record_date

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        imported_at = datetime.datetime.fromisoformat(d.pop("imported_at"))




        source = RegisterSource(d.pop("source"))




        status = RegisterStatus(d.pop("status"))




        def _parse_legal_form_as_registered(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        legal_form_as_registered = _parse_legal_form_as_registered(d.pop("legal_form_as_registered", UNSET))


        def _parse_record_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                record_date_type_0 = datetime.datetime.fromisoformat(data)



                return record_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        record_date = _parse_record_date(d.pop("record_date", UNSET))


        register_record = cls(
            imported_at=imported_at,
            source=source,
            status=status,
            legal_form_as_registered=legal_form_as_registered,
            record_date=record_date,
        )


        register_record.additional_properties = d
        return register_record

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
