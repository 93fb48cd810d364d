from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ImportSummary")



@_attrs_define
class ImportSummary:
    """ Counts of what the import did with the records.

        Attributes:
            inserted (int):
            rejected (int):
            unchanged (int): Equal to what is stored, or older than what is stored.
            updated (int):
            warnings (int): Records imported with something left out, such as an unknown postal code.
     """

    inserted: int
    rejected: int
    unchanged: int
    updated: int
    warnings: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        inserted = self.inserted

        rejected = self.rejected

        unchanged = self.unchanged

        updated = self.updated

        warnings = self.warnings


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "inserted": inserted,
            "rejected": rejected,
            "unchanged": unchanged,
            "updated": updated,
            "warnings": warnings,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        inserted = d.pop("inserted")

        rejected = d.pop("rejected")

        unchanged = d.pop("unchanged")

        updated = d.pop("updated")

        warnings = d.pop("warnings")

        import_summary = cls(
            inserted=inserted,
            rejected=rejected,
            unchanged=unchanged,
            updated=updated,
            warnings=warnings,
        )


        import_summary.additional_properties = d
        return import_summary

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
