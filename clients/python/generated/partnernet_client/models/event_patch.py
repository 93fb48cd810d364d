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
  from ..models.capacity_patch import CapacityPatch
  from ..models.text_patch import TextPatch
  from ..models.title_patch import TitlePatch
  from ..models.venue_patch import VenuePatch





T = TypeVar("T", bound="EventPatch")



@_attrs_define
class EventPatch:
    """ A JSON merge patch (RFC 7396) of `EventInput`: send only the fields to change. `null` removes an optional field,
    nested objects merge field by field, and lists are replaced whole. The result must be a valid `EventInput`.

        Attributes:
            capacity (CapacityPatch | None | Unset):
            description (None | TextPatch | Unset):
            ends_at (str | Unset):  Example: 2027-03-25T16:00.
            fee_note (None | TextPatch | Unset):
            interpreting (bool | None | Unset): Whether interpreting between the languages is offered.
            kind (EventKind | Unset):
            languages (list[str] | None | Unset): ISO 639-1 codes of the languages the event is held in. Example: ['de',
                'cs'].
            online_url (None | str | Unset): An `http` or `https` address where the event is streamed or held.
            organiser_id (str | Unset): The organising organisation: a multiplier the caller is a member of (administrators:
                any). Cannot change later.
            registration_deadline (None | str | Unset): The last moment registrations are taken, like `starts_at`; without
                it, until the end. Example: 2027-03-18T23:59.
            starts_at (str | Unset): Local time in `time_zone` (`2027-03-25T09:00`), or with an offset. Example:
                2027-03-25T09:00.
            status (EventStatus | None | Unset):
            summary (None | TextPatch | Unset):
            time_zone (EventTimeZone | Unset): The time zone an event's times are given and shown in.
            title (TitlePatch | Unset): A title per language; any may be left out or `null`, one is needed.
            topics (list[str] | None | Unset): NACE Rev. 2 codes of the industries the event is about, at any level (`C`,
                `25`, `25.62`). Example: ['25', '28'].
            venue (None | Unset | VenuePatch):
     """

    capacity: CapacityPatch | None | Unset = UNSET
    description: None | TextPatch | Unset = UNSET
    ends_at: str | Unset = UNSET
    fee_note: None | TextPatch | Unset = UNSET
    interpreting: bool | None | Unset = UNSET
    kind: EventKind | Unset = UNSET
    languages: list[str] | None | Unset = UNSET
    online_url: None | str | Unset = UNSET
    organiser_id: str | Unset = UNSET
    registration_deadline: None | str | Unset = UNSET
    starts_at: str | Unset = UNSET
    status: EventStatus | None | Unset = UNSET
    summary: None | TextPatch | Unset = UNSET
    time_zone: EventTimeZone | Unset = UNSET
    title: TitlePatch | Unset = UNSET
    topics: list[str] | None | Unset = UNSET
    venue: None | Unset | VenuePatch = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.capacity_patch import CapacityPatch # noqa: PLC0415
        from ..models.text_patch import TextPatch # noqa: PLC0415
        from ..models.title_patch import TitlePatch # noqa: PLC0415
        from ..models.venue_patch import VenuePatch # noqa: PLC0415
        capacity: dict[str, Any] | None | Unset
        if isinstance(self.capacity, Unset):
            capacity = UNSET
        elif isinstance(self.capacity, CapacityPatch):
            capacity = self.capacity.to_dict()
        else:
            capacity = self.capacity

        description: dict[str, Any] | None | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, TextPatch):
            description = self.description.to_dict()
        else:
            description = self.description

        ends_at = self.ends_at

        fee_note: dict[str, Any] | None | Unset
        if isinstance(self.fee_note, Unset):
            fee_note = UNSET
        elif isinstance(self.fee_note, TextPatch):
            fee_note = self.fee_note.to_dict()
        else:
            fee_note = self.fee_note

        interpreting: bool | None | Unset
        if isinstance(self.interpreting, Unset):
            interpreting = UNSET
        else:
            interpreting = self.interpreting

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        languages: list[str] | None | Unset
        if isinstance(self.languages, Unset):
            languages = UNSET
        elif isinstance(self.languages, list):
            languages = self.languages


        else:
            languages = self.languages

        online_url: None | str | Unset
        if isinstance(self.online_url, Unset):
            online_url = UNSET
        else:
            online_url = self.online_url

        organiser_id = self.organiser_id

        registration_deadline: None | str | Unset
        if isinstance(self.registration_deadline, Unset):
            registration_deadline = UNSET
        else:
            registration_deadline = self.registration_deadline

        starts_at = self.starts_at

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
        elif isinstance(self.summary, TextPatch):
            summary = self.summary.to_dict()
        else:
            summary = self.summary

        time_zone: str | Unset = UNSET
        if not isinstance(self.time_zone, Unset):
            time_zone = self.time_zone.value


        title: dict[str, Any] | Unset = UNSET
        if not isinstance(self.title, Unset):
            title = self.title.to_dict()

        topics: list[str] | None | Unset
        if isinstance(self.topics, Unset):
            topics = UNSET
        elif isinstance(self.topics, list):
            topics = self.topics


        else:
            topics = self.topics

        venue: dict[str, Any] | None | Unset
        if isinstance(self.venue, Unset):
            venue = UNSET
        elif isinstance(self.venue, VenuePatch):
            venue = self.venue.to_dict()
        else:
            venue = self.venue


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if capacity is not UNSET:
            field_dict["capacity"] = capacity
        if description is not UNSET:
            field_dict["description"] = description
        if ends_at is not UNSET:
            field_dict["ends_at"] = ends_at
        if fee_note is not UNSET:
            field_dict["fee_note"] = fee_note
        if interpreting is not UNSET:
            field_dict["interpreting"] = interpreting
        if kind is not UNSET:
            field_dict["kind"] = kind
        if languages is not UNSET:
            field_dict["languages"] = languages
        if online_url is not UNSET:
            field_dict["online_url"] = online_url
        if organiser_id is not UNSET:
            field_dict["organiser_id"] = organiser_id
        if registration_deadline is not UNSET:
            field_dict["registration_deadline"] = registration_deadline
        if starts_at is not UNSET:
            field_dict["starts_at"] = starts_at
        if status is not UNSET:
            field_dict["status"] = status
        if summary is not UNSET:
            field_dict["summary"] = summary
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone
        if title is not UNSET:
            field_dict["title"] = title
        if topics is not UNSET:
            field_dict["topics"] = topics
        if venue is not UNSET:
            field_dict["venue"] = venue

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.capacity_patch import CapacityPatch # noqa: PLC0415
        from ..models.text_patch import TextPatch # noqa: PLC0415
        from ..models.title_patch import TitlePatch # noqa: PLC0415
        from ..models.venue_patch import VenuePatch # noqa: PLC0415
        d = dict(src_dict)
        def _parse_capacity(data: object) -> CapacityPatch | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                capacity_type_0 = CapacityPatch.from_dict(data)



                return capacity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CapacityPatch | None | Unset, data)

        capacity = _parse_capacity(d.pop("capacity", UNSET))


        def _parse_description(data: object) -> None | TextPatch | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_0 = TextPatch.from_dict(data)



                return description_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TextPatch | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        ends_at = d.pop("ends_at", UNSET)

        def _parse_fee_note(data: object) -> None | TextPatch | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fee_note_type_0 = TextPatch.from_dict(data)



                return fee_note_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TextPatch | Unset, data)

        fee_note = _parse_fee_note(d.pop("fee_note", UNSET))


        def _parse_interpreting(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        interpreting = _parse_interpreting(d.pop("interpreting", UNSET))


        _kind = d.pop("kind", UNSET)
        kind: EventKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = EventKind(_kind)




        def _parse_languages(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                languages_type_0 = cast(list[str], data)

                return languages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        languages = _parse_languages(d.pop("languages", UNSET))


        def _parse_online_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        online_url = _parse_online_url(d.pop("online_url", UNSET))


        organiser_id = d.pop("organiser_id", UNSET)

        def _parse_registration_deadline(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        registration_deadline = _parse_registration_deadline(d.pop("registration_deadline", UNSET))


        starts_at = d.pop("starts_at", UNSET)

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


        def _parse_summary(data: object) -> None | TextPatch | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                summary_type_0 = TextPatch.from_dict(data)



                return summary_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TextPatch | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))


        _time_zone = d.pop("time_zone", UNSET)
        time_zone: EventTimeZone | Unset
        if isinstance(_time_zone,  Unset):
            time_zone = UNSET
        else:
            time_zone = EventTimeZone(_time_zone)




        _title = d.pop("title", UNSET)
        title: TitlePatch | Unset
        if isinstance(_title,  Unset):
            title = UNSET
        else:
            title = TitlePatch.from_dict(_title)




        def _parse_topics(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                topics_type_0 = cast(list[str], data)

                return topics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        topics = _parse_topics(d.pop("topics", UNSET))


        def _parse_venue(data: object) -> None | Unset | VenuePatch:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                venue_type_0 = VenuePatch.from_dict(data)



                return venue_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VenuePatch, data)

        venue = _parse_venue(d.pop("venue", UNSET))


        event_patch = cls(
            capacity=capacity,
            description=description,
            ends_at=ends_at,
            fee_note=fee_note,
            interpreting=interpreting,
            kind=kind,
            languages=languages,
            online_url=online_url,
            organiser_id=organiser_id,
            registration_deadline=registration_deadline,
            starts_at=starts_at,
            status=status,
            summary=summary,
            time_zone=time_zone,
            title=title,
            topics=topics,
            venue=venue,
        )

        return event_patch

