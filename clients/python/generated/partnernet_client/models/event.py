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
import datetime

if TYPE_CHECKING:
  from ..models.event_places import EventPlaces
  from ..models.industry_ref import IndustryRef
  from ..models.localized_text import LocalizedText
  from ..models.organisation_ref import OrganisationRef
  from ..models.venue import Venue





T = TypeVar("T", bound="Event")



@_attrs_define
class Event:
    """ An event: when and where, what about, for whom, and how many places are left.

        Attributes:
            calendar (str): The event as an iCalendar file. Example:
                /v1/events/0193e5a0-0000-7000-8000-0000000000e1/calendar.ics.
            created_at (datetime.datetime):
            description (LocalizedText): A text its author wrote per language; a language without text is `null`.
            ends_at (datetime.datetime):  Example: 2027-03-25 16:00:00+01:00.
            fee_note (LocalizedText): A text its author wrote per language; a language without text is `null`.
            id (str):
            interpreting (bool): Whether interpreting is offered.
            kind (EventKind):
            languages (list[str]): ISO 639-1 codes of the languages it is held in.
            organiser (OrganisationRef): An organisation an event belongs to or a registration is for, with its profile.
            places (EventPlaces):
            registration_open (bool): Whether the event takes registrations now.
            starts_at (datetime.datetime): Local time of `time_zone` with its offset. Example: 2027-03-25 09:00:00+01:00.
            status (EventStatus):
            summary (LocalizedText): A text its author wrote per language; a language without text is `null`.
            time_zone (EventTimeZone): The time zone an event's times are given and shown in.
            title (LocalizedText): A text its author wrote per language; a language without text is `null`.
            topics (list[IndustryRef]): The industries (NACE Rev. 2) it is about.
            updated_at (datetime.datetime):
            version (int): Increases with every change; the ETag is derived from it.
            distance_km (float | None | Unset): In searches with `near` or `near_postal_code`: the distance of the venue in
                km (absent
                for online events).
            online_url (None | str | Unset):
            registration_deadline (datetime.datetime | None | Unset):
            venue (None | Unset | Venue):
     """

    calendar: str
    created_at: datetime.datetime
    description: LocalizedText
    ends_at: datetime.datetime
    fee_note: LocalizedText
    id: str
    interpreting: bool
    kind: EventKind
    languages: list[str]
    organiser: OrganisationRef
    places: EventPlaces
    registration_open: bool
    starts_at: datetime.datetime
    status: EventStatus
    summary: LocalizedText
    time_zone: EventTimeZone
    title: LocalizedText
    topics: list[IndustryRef]
    updated_at: datetime.datetime
    version: int
    distance_km: float | None | Unset = UNSET
    online_url: None | str | Unset = UNSET
    registration_deadline: datetime.datetime | None | Unset = UNSET
    venue: None | Unset | Venue = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.event_places import EventPlaces # noqa: PLC0415
        from ..models.industry_ref import IndustryRef # noqa: PLC0415
        from ..models.localized_text import LocalizedText # noqa: PLC0415
        from ..models.organisation_ref import OrganisationRef # noqa: PLC0415
        from ..models.venue import Venue # noqa: PLC0415
        calendar = self.calendar

        created_at = self.created_at.isoformat()

        description = self.description.to_dict()

        ends_at = self.ends_at.isoformat()

        fee_note = self.fee_note.to_dict()

        id = self.id

        interpreting = self.interpreting

        kind = self.kind.value

        languages = self.languages



        organiser = self.organiser.to_dict()

        places = self.places.to_dict()

        registration_open = self.registration_open

        starts_at = self.starts_at.isoformat()

        status = self.status.value

        summary = self.summary.to_dict()

        time_zone = self.time_zone.value

        title = self.title.to_dict()

        topics = []
        for topics_item_data in self.topics:
            topics_item = topics_item_data.to_dict()
            topics.append(topics_item)



        updated_at = self.updated_at.isoformat()

        version = self.version

        distance_km: float | None | Unset
        if isinstance(self.distance_km, Unset):
            distance_km = UNSET
        else:
            distance_km = self.distance_km

        online_url: None | str | Unset
        if isinstance(self.online_url, Unset):
            online_url = UNSET
        else:
            online_url = self.online_url

        registration_deadline: None | str | Unset
        if isinstance(self.registration_deadline, Unset):
            registration_deadline = UNSET
        elif isinstance(self.registration_deadline, datetime.datetime):
            registration_deadline = self.registration_deadline.isoformat()
        else:
            registration_deadline = self.registration_deadline

        venue: dict[str, Any] | None | Unset
        if isinstance(self.venue, Unset):
            venue = UNSET
        elif isinstance(self.venue, Venue):
            venue = self.venue.to_dict()
        else:
            venue = self.venue


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "calendar": calendar,
            "created_at": created_at,
            "description": description,
            "ends_at": ends_at,
            "fee_note": fee_note,
            "id": id,
            "interpreting": interpreting,
            "kind": kind,
            "languages": languages,
            "organiser": organiser,
            "places": places,
            "registration_open": registration_open,
            "starts_at": starts_at,
            "status": status,
            "summary": summary,
            "time_zone": time_zone,
            "title": title,
            "topics": topics,
            "updated_at": updated_at,
            "version": version,
        })
        if distance_km is not UNSET:
            field_dict["distance_km"] = distance_km
        if online_url is not UNSET:
            field_dict["online_url"] = online_url
        if registration_deadline is not UNSET:
            field_dict["registration_deadline"] = registration_deadline
        if venue is not UNSET:
            field_dict["venue"] = venue

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_places import EventPlaces # noqa: PLC0415
        from ..models.industry_ref import IndustryRef # noqa: PLC0415
        from ..models.localized_text import LocalizedText # noqa: PLC0415
        from ..models.organisation_ref import OrganisationRef # noqa: PLC0415
        from ..models.venue import Venue # noqa: PLC0415
        d = dict(src_dict)
        calendar = d.pop("calendar")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        description = LocalizedText.from_dict(d.pop("description"))




        ends_at = datetime.datetime.fromisoformat(d.pop("ends_at"))




        fee_note = LocalizedText.from_dict(d.pop("fee_note"))




        id = d.pop("id")

        interpreting = d.pop("interpreting")

        kind = EventKind(d.pop("kind"))




        languages = cast(list[str], d.pop("languages"))


        organiser = OrganisationRef.from_dict(d.pop("organiser"))




        places = EventPlaces.from_dict(d.pop("places"))




        registration_open = d.pop("registration_open")

        starts_at = datetime.datetime.fromisoformat(d.pop("starts_at"))




        status = EventStatus(d.pop("status"))




        summary = LocalizedText.from_dict(d.pop("summary"))




        time_zone = EventTimeZone(d.pop("time_zone"))




        title = LocalizedText.from_dict(d.pop("title"))




        topics = []
        _topics = d.pop("topics")
        for topics_item_data in (_topics):
            topics_item = IndustryRef.from_dict(topics_item_data)



            topics.append(topics_item)


        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        version = d.pop("version")

        def _parse_distance_km(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        distance_km = _parse_distance_km(d.pop("distance_km", UNSET))


        def _parse_online_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        online_url = _parse_online_url(d.pop("online_url", UNSET))


        def _parse_registration_deadline(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                registration_deadline_type_0 = datetime.datetime.fromisoformat(data)



                return registration_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        registration_deadline = _parse_registration_deadline(d.pop("registration_deadline", UNSET))


        def _parse_venue(data: object) -> None | Unset | Venue:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                venue_type_0 = Venue.from_dict(data)



                return venue_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | Venue, data)

        venue = _parse_venue(d.pop("venue", UNSET))


        event = cls(
            calendar=calendar,
            created_at=created_at,
            description=description,
            ends_at=ends_at,
            fee_note=fee_note,
            id=id,
            interpreting=interpreting,
            kind=kind,
            languages=languages,
            organiser=organiser,
            places=places,
            registration_open=registration_open,
            starts_at=starts_at,
            status=status,
            summary=summary,
            time_zone=time_zone,
            title=title,
            topics=topics,
            updated_at=updated_at,
            version=version,
            distance_km=distance_km,
            online_url=online_url,
            registration_deadline=registration_deadline,
            venue=venue,
        )


        event.additional_properties = d
        return event

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
