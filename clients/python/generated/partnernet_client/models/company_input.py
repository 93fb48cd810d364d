from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.company_kind import CompanyKind
from ..models.company_status import CompanyStatus
from ..models.size_class import SizeClass
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.address_input import AddressInput
  from ..models.contact_input import ContactInput
  from ..models.identifiers_input import IdentifiersInput
  from ..models.localized_text_input import LocalizedTextInput





T = TypeVar("T", bound="CompanyInput")



@_attrs_define
class CompanyInput:
    """ A company or institution as its members write it. Everything else (id, verification,
    version, timestamps, region and coordinates) is the platform's and cannot be sent.

        Attributes:
            address (AddressInput):
            kind (CompanyKind):
            name (str):  Example: Pila Dvořák s.r.o..
            contact_persons (list[ContactInput] | Unset):
            description (LocalizedTextInput | None | Unset):
            email (None | str | Unset):
            founded_on (datetime.date | None | Unset):
            identifiers (IdentifiersInput | None | Unset):
            industries (list[str] | Unset): NACE Rev. 2 classes (`16.10`), the primary activity first. Example: ['16.10',
                '46.73'].
            languages (list[str] | Unset): ISO 639-1 codes of the languages the staff speaks. Example: ['cs', 'de'].
            legal_form (None | str | Unset): A code of `/v1/reference/legal-forms` of the company's country. Example:
                cz_sro.
            phone (None | str | Unset): Digits, spaces and `+-()/.`. Example: +420 475 123 456.
            size_class (None | SizeClass | Unset):
            status (CompanyStatus | None | Unset):
            website (None | str | Unset): An `http` or `https` address. Example: https://www.pila-dvorak.cz.
     """

    address: AddressInput
    kind: CompanyKind
    name: str
    contact_persons: list[ContactInput] | Unset = UNSET
    description: LocalizedTextInput | None | Unset = UNSET
    email: None | str | Unset = UNSET
    founded_on: datetime.date | None | Unset = UNSET
    identifiers: IdentifiersInput | None | Unset = UNSET
    industries: list[str] | Unset = UNSET
    languages: list[str] | Unset = UNSET
    legal_form: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    size_class: None | SizeClass | Unset = UNSET
    status: CompanyStatus | None | Unset = UNSET
    website: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.address_input import AddressInput # noqa: PLC0415
        from ..models.contact_input import ContactInput # noqa: PLC0415
        from ..models.identifiers_input import IdentifiersInput # noqa: PLC0415
        from ..models.localized_text_input import LocalizedTextInput # noqa: PLC0415
        address = self.address.to_dict()

        kind = self.kind.value

        name = self.name

        contact_persons: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.contact_persons, Unset):
            contact_persons = []
            for contact_persons_item_data in self.contact_persons:
                contact_persons_item = contact_persons_item_data.to_dict()
                contact_persons.append(contact_persons_item)



        description: dict[str, Any] | None | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, LocalizedTextInput):
            description = self.description.to_dict()
        else:
            description = self.description

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        founded_on: None | str | Unset
        if isinstance(self.founded_on, Unset):
            founded_on = UNSET
        elif isinstance(self.founded_on, datetime.date):
            founded_on = self.founded_on.isoformat()
        else:
            founded_on = self.founded_on

        identifiers: dict[str, Any] | None | Unset
        if isinstance(self.identifiers, Unset):
            identifiers = UNSET
        elif isinstance(self.identifiers, IdentifiersInput):
            identifiers = self.identifiers.to_dict()
        else:
            identifiers = self.identifiers

        industries: list[str] | Unset = UNSET
        if not isinstance(self.industries, Unset):
            industries = self.industries



        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = self.languages



        legal_form: None | str | Unset
        if isinstance(self.legal_form, Unset):
            legal_form = UNSET
        else:
            legal_form = self.legal_form

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        size_class: None | str | Unset
        if isinstance(self.size_class, Unset):
            size_class = UNSET
        elif isinstance(self.size_class, SizeClass):
            size_class = self.size_class.value
        else:
            size_class = self.size_class

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, CompanyStatus):
            status = self.status.value
        else:
            status = self.status

        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "address": address,
            "kind": kind,
            "name": name,
        })
        if contact_persons is not UNSET:
            field_dict["contact_persons"] = contact_persons
        if description is not UNSET:
            field_dict["description"] = description
        if email is not UNSET:
            field_dict["email"] = email
        if founded_on is not UNSET:
            field_dict["founded_on"] = founded_on
        if identifiers is not UNSET:
            field_dict["identifiers"] = identifiers
        if industries is not UNSET:
            field_dict["industries"] = industries
        if languages is not UNSET:
            field_dict["languages"] = languages
        if legal_form is not UNSET:
            field_dict["legal_form"] = legal_form
        if phone is not UNSET:
            field_dict["phone"] = phone
        if size_class is not UNSET:
            field_dict["size_class"] = size_class
        if status is not UNSET:
            field_dict["status"] = status
        if website is not UNSET:
            field_dict["website"] = website

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address_input import AddressInput # noqa: PLC0415
        from ..models.contact_input import ContactInput # noqa: PLC0415
        from ..models.identifiers_input import IdentifiersInput # noqa: PLC0415
        from ..models.localized_text_input import LocalizedTextInput # noqa: PLC0415
        d = dict(src_dict)
        address = AddressInput.from_dict(d.pop("address"))




        kind = CompanyKind(d.pop("kind"))




        name = d.pop("name")

        _contact_persons = d.pop("contact_persons", UNSET)
        contact_persons: list[ContactInput] | Unset = UNSET
        if _contact_persons is not UNSET:
            contact_persons = []
            for contact_persons_item_data in _contact_persons:
                contact_persons_item = ContactInput.from_dict(contact_persons_item_data)



                contact_persons.append(contact_persons_item)


        def _parse_description(data: object) -> LocalizedTextInput | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_0 = LocalizedTextInput.from_dict(data)



                return description_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LocalizedTextInput | None | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))


        def _parse_founded_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                founded_on_type_0 = datetime.date.fromisoformat(data)



                return founded_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        founded_on = _parse_founded_on(d.pop("founded_on", UNSET))


        def _parse_identifiers(data: object) -> IdentifiersInput | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                identifiers_type_0 = IdentifiersInput.from_dict(data)



                return identifiers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IdentifiersInput | None | Unset, data)

        identifiers = _parse_identifiers(d.pop("identifiers", UNSET))


        industries = cast(list[str], d.pop("industries", UNSET))


        languages = cast(list[str], d.pop("languages", UNSET))


        def _parse_legal_form(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        legal_form = _parse_legal_form(d.pop("legal_form", UNSET))


        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))


        def _parse_size_class(data: object) -> None | SizeClass | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                size_class_type_0 = SizeClass(data)



                return size_class_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SizeClass | Unset, data)

        size_class = _parse_size_class(d.pop("size_class", UNSET))


        def _parse_status(data: object) -> CompanyStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = CompanyStatus(data)



                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CompanyStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))


        def _parse_website(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))


        company_input = cls(
            address=address,
            kind=kind,
            name=name,
            contact_persons=contact_persons,
            description=description,
            email=email,
            founded_on=founded_on,
            identifiers=identifiers,
            industries=industries,
            languages=languages,
            legal_form=legal_form,
            phone=phone,
            size_class=size_class,
            status=status,
            website=website,
        )

        return company_input

