from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.import_job_status import ImportJobStatus
from ..models.register_source import RegisterSource
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.import_finding import ImportFinding
  from ..models.import_summary import ImportSummary





T = TypeVar("T", bound="ImportJob")



@_attrs_define
class ImportJob:
    """ An import started over HTTP.

        Attributes:
            created_at (datetime.datetime):
            dry_run (bool):
            id (str):
            source (RegisterSource): The public register a profile was imported from.
            status (ImportJobStatus): Where an import job stands.
            summary (ImportSummary): Counts of what the import did with the records.
            error (None | str | Unset): Why a failed job stopped.
            finished_at (datetime.datetime | None | Unset):
            rejects (list[ImportFinding] | None | Unset): When done: the rejected records (the first 1,000). Left out in the
                list of jobs.
            warnings (list[ImportFinding] | None | Unset): When done: the warnings (the first 1,000). Left out in the list
                of jobs.
     """

    created_at: datetime.datetime
    dry_run: bool
    id: str
    source: RegisterSource
    status: ImportJobStatus
    summary: ImportSummary
    error: None | str | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    rejects: list[ImportFinding] | None | Unset = UNSET
    warnings: list[ImportFinding] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.import_finding import ImportFinding # noqa: PLC0415
        from ..models.import_summary import ImportSummary # noqa: PLC0415
        created_at = self.created_at.isoformat()

        dry_run = self.dry_run

        id = self.id

        source = self.source.value

        status = self.status.value

        summary = self.summary.to_dict()

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        rejects: list[dict[str, Any]] | None | Unset
        if isinstance(self.rejects, Unset):
            rejects = UNSET
        elif isinstance(self.rejects, list):
            rejects = []
            for rejects_type_0_item_data in self.rejects:
                rejects_type_0_item = rejects_type_0_item_data.to_dict()
                rejects.append(rejects_type_0_item)


        else:
            rejects = self.rejects

        warnings: list[dict[str, Any]] | None | Unset
        if isinstance(self.warnings, Unset):
            warnings = UNSET
        elif isinstance(self.warnings, list):
            warnings = []
            for warnings_type_0_item_data in self.warnings:
                warnings_type_0_item = warnings_type_0_item_data.to_dict()
                warnings.append(warnings_type_0_item)


        else:
            warnings = self.warnings


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "dry_run": dry_run,
            "id": id,
            "source": source,
            "status": status,
            "summary": summary,
        })
        if error is not UNSET:
            field_dict["error"] = error
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if rejects is not UNSET:
            field_dict["rejects"] = rejects
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_finding import ImportFinding # noqa: PLC0415
        from ..models.import_summary import ImportSummary # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        dry_run = d.pop("dry_run")

        id = d.pop("id")

        source = RegisterSource(d.pop("source"))




        status = ImportJobStatus(d.pop("status"))




        summary = ImportSummary.from_dict(d.pop("summary"))




        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))


        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)



                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))


        def _parse_rejects(data: object) -> list[ImportFinding] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                rejects_type_0 = []
                _rejects_type_0 = data
                for rejects_type_0_item_data in (_rejects_type_0):
                    rejects_type_0_item = ImportFinding.from_dict(rejects_type_0_item_data)



                    rejects_type_0.append(rejects_type_0_item)

                return rejects_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ImportFinding] | None | Unset, data)

        rejects = _parse_rejects(d.pop("rejects", UNSET))


        def _parse_warnings(data: object) -> list[ImportFinding] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                warnings_type_0 = []
                _warnings_type_0 = data
                for warnings_type_0_item_data in (_warnings_type_0):
                    warnings_type_0_item = ImportFinding.from_dict(warnings_type_0_item_data)



                    warnings_type_0.append(warnings_type_0_item)

                return warnings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ImportFinding] | None | Unset, data)

        warnings = _parse_warnings(d.pop("warnings", UNSET))


        import_job = cls(
            created_at=created_at,
            dry_run=dry_run,
            id=id,
            source=source,
            status=status,
            summary=summary,
            error=error,
            finished_at=finished_at,
            rejects=rejects,
            warnings=warnings,
        )


        import_job.additional_properties = d
        return import_job

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
