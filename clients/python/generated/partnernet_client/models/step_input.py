from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.partnership_step import PartnershipStep
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="StepInput")



@_attrs_define
class StepInput:
    """ A step of a partnership's lifecycle, with an optional message.

        Attributes:
            step (PartnershipStep):
            message (None | str | Unset):
     """

    step: PartnershipStep
    message: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        step = self.step.value

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "step": step,
        })
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        step = PartnershipStep(d.pop("step"))




        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))


        step_input = cls(
            step=step,
            message=message,
        )

        return step_input

