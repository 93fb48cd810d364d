from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.event_kind import EventKind
from ..models.event_status import EventStatus
from ..models.event_time_zone import EventTimeZone
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.capacity_input import CapacityInput
  from ..models.text_input import TextInput
  from ..models.title_input import TitleInput
  from ..models.venue_input import VenueInput





T = TypeVar("T", bound="EventInput")



@_attrs_define
class EventInput:
    """ An event as its organiser writes it. The id, version, timestamps, region and coordinates
    are the platform's.

        Attributes:
            ends_at (str):  Example: 2027-03-25T16:00.
            kind (EventKind):
            organiser_id (str): The organising organisation: a multiplier the caller is a member of (administrators:
                any). Cannot change later.
            starts_at (str): Local time in `time_zone` (`2027-03-25T09:00`), or with an offset. Example: 2027-03-25T09:00.
            time_zone (EventTimeZone): The time zone an event's times are given and shown in.
            title (TitleInput): A title per language; any may be left out or `null`, one is needed.
            capacity (CapacityInput | None | Unset):
            description (None | TextInput | Unset):
            fee_note (None | TextInput | Unset):
            interpreting (bool | Unset): Whether interpreting between the languages is offered.
            languages (list[str] | Unset): ISO 639-1 codes of the languages the event is held in. Example: ['de', 'cs'].
            online_url (None | str | Unset): An `http` or `https` address where the event is streamed or held.
            registration_deadline (None | str | Unset): The last moment registrations are taken, like `starts_at`; without
                it, until the end. Example: 2027-03-18T23:59.
            status (EventStatus | None | Unset):
            summary (None | TextInput | Unset):
            topics (list[str] | Unset): NACE Rev. 2 codes of the industries the event is about, at any level (`C`, `25`,
                `25.62`). Example: ['25', '28'].
            venue (None | Unset | VenueInput):
     """

    ends_at: str
    kind: EventKind
    organiser_id: str
    starts_at: str
    time_zone: EventTimeZone
    title: TitleInput
    capacity: CapacityInput | None | Unset = UNSET
    description: None | TextInput | Unset = UNSET
    fee_note: None | TextInput | Unset = UNSET
    interpreting: bool | Unset = UNSET
    languages: list[str] | Unset = UNSET
    online_url: None | str | Unset = UNSET
    registration_deadline: None | str | Unset = UNSET
    status: EventStatus | None | Unset = UNSET
    summary: None | TextInput | Unset = UNSET
    topics: list[str] | Unset = UNSET
    venue: None | Unset | VenueInput = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.capacity_input import CapacityInput # noqa: PLC0415
        from ..models.text_input import TextInput # noqa: PLC0415
        from ..models.title_input import TitleInput # noqa: PLC0415
        from ..models.venue_input import VenueInput # noqa: PLC0415
        ends_at = self.ends_at

        kind = self.kind.value

        organiser_id = self.organiser_id

        starts_at = self.starts_at

        time_zone = self.time_zone.value

        title = self.title.to_dict()

        capacity: dict[str, Any] | None | Unset
        if isinstance(self.capacity, Unset):
            capacity = UNSET
        elif isinstance(self.capacity, CapacityInput):
            capacity = self.capacity.to_dict()
        else:
            capacity = self.capacity

        description: dict[str, Any] | None | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, TextInput):
            description = self.description.to_dict()
        else:
            description = self.description

        fee_note: dict[str, Any] | None | Unset
        if isinstance(self.fee_note, Unset):
            fee_note = UNSET
        elif isinstance(self.fee_note, TextInput):
            fee_note = self.fee_note.to_dict()
        else:
            fee_note = self.fee_note

        interpreting = self.interpreting

        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = self.languages



        online_url: None | str | Unset
        if isinstance(self.online_url, Unset):
            online_url = UNSET
        else:
            online_url = self.online_url

        registration_deadline: None | str | Unset
        if isinstance(self.registration_deadline, Unset):
            registration_deadline = UNSET
        else:
            registration_deadline = self.registration_deadline

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, EventStatus):
            status = self.status.value
        else:
            status = self.status

        summary: dict[str, Any] | None | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        elif isinstance(self.summary, TextInput):
            summary = self.summary.to_dict()
        else:
            summary = self.summary

        topics: list[str] | Unset = UNSET
        if not isinstance(self.topics, Unset):
            topics = self.topics



        venue: dict[str, Any] | None | Unset
        if isinstance(self.venue, Unset):
            venue = UNSET
        elif isinstance(self.venue, VenueInput):
            venue = self.venue.to_dict()
        else:
            venue = self.venue


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "ends_at": ends_at,
            "kind": kind,
            "organiser_id": organiser_id,
            "starts_at": starts_at,
            "time_zone": time_zone,
            "title": title,
        })
        if capacity is not UNSET:
            field_dict["capacity"] = capacity
        if description is not UNSET:
            field_dict["description"] = description
        if fee_note is not UNSET:
            field_dict["fee_note"] = fee_note
        if interpreting is not UNSET:
            field_dict["interpreting"] = interpreting
        if languages is not UNSET:
            field_dict["languages"] = languages
        if online_url is not UNSET:
            field_dict["online_url"] = online_url
        if registration_deadline is not UNSET:
            field_dict["registration_deadline"] = registration_deadline
        if status is not UNSET:
            field_dict["status"] = status
        if summary is not UNSET:
            field_dict["summary"] = summary
        if topics is not UNSET:
            field_dict["topics"] = topics
        if venue is not UNSET:
            field_dict["venue"] = venue

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.capacity_input import CapacityInput # noqa: PLC0415
        from ..models.text_input import TextInput # noqa: PLC0415
        from ..models.title_input import TitleInput # noqa: PLC0415
        from ..models.venue_input import VenueInput # noqa: PLC0415
        d = dict(src_dict)
        ends_at = d.pop("ends_at")

        kind = EventKind(d.pop("kind"))




        organiser_id = d.pop("organiser_id")

        starts_at = d.pop("starts_at")

        time_zone = EventTimeZone(d.pop("time_zone"))




        title = TitleInput.from_dict(d.pop("title"))




        def _parse_capacity(data: object) -> CapacityInput | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                capacity_type_0 = CapacityInput.from_dict(data)



                return capacity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CapacityInput | None | Unset, data)

        capacity = _parse_capacity(d.pop("capacity", UNSET))


        def _parse_description(data: object) -> None | TextInput | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_0 = TextInput.from_dict(data)



                return description_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TextInput | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_fee_note(data: object) -> None | TextInput | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fee_note_type_0 = TextInput.from_dict(data)



                return fee_note_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TextInput | Unset, data)

        fee_note = _parse_fee_note(d.pop("fee_note", UNSET))


        interpreting = d.pop("interpreting", UNSET)

        languages = cast(list[str], d.pop("languages", UNSET))


        def _parse_online_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        online_url = _parse_online_url(d.pop("online_url", UNSET))


        def _parse_registration_deadline(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        registration_deadline = _parse_registration_deadline(d.pop("registration_deadline", UNSET))


        def _parse_status(data: object) -> EventStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = EventStatus(data)



                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))


        def _parse_summary(data: object) -> None | TextInput | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                summary_type_0 = TextInput.from_dict(data)



                return summary_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TextInput | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))


        topics = cast(list[str], d.pop("topics", UNSET))


        def _parse_venue(data: object) -> None | Unset | VenueInput:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                venue_type_0 = VenueInput.from_dict(data)



                return venue_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VenueInput, data)

        venue = _parse_venue(d.pop("venue", UNSET))


        event_input = cls(
            ends_at=ends_at,
            kind=kind,
            organiser_id=organiser_id,
            starts_at=starts_at,
            time_zone=time_zone,
            title=title,
            capacity=capacity,
            description=description,
            fee_note=fee_note,
            interpreting=interpreting,
            languages=languages,
            online_url=online_url,
            registration_deadline=registration_deadline,
            status=status,
            summary=summary,
            topics=topics,
            venue=venue,
        )

        return event_input

