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
  from ..models.address_patch import AddressPatch
  from ..models.contact_input import ContactInput
  from ..models.identifiers_patch import IdentifiersPatch
  from ..models.localized_text_patch import LocalizedTextPatch





T = TypeVar("T", bound="CompanyPatch")



@_attrs_define
class CompanyPatch:
    """ A JSON merge patch (RFC 7396) of `CompanyInput`: send only the fields to change. `null` removes an optional field,
    nested objects merge field by field, and lists are replaced whole. The result must be a valid `CompanyInput`.

        Attributes:
            address (AddressPatch | Unset):
            contact_persons (list[ContactInput] | None | Unset):
            description (LocalizedTextPatch | None | Unset):
            email (None | str | Unset):
            founded_on (datetime.date | None | Unset):
            identifiers (IdentifiersPatch | None | Unset):
            industries (list[str] | None | Unset): NACE Rev. 2 classes (`16.10`), the primary activity first. Example:
                ['16.10', '46.73'].
            kind (CompanyKind | Unset):
            languages (list[str] | None | Unset): ISO 639-1 codes of the languages the staff speaks. Example: ['cs', 'de'].
            legal_form (None | str | Unset): A code of `/v1/reference/legal-forms` of the company's country. Example:
                cz_sro.
            name (str | Unset):  Example: Pila Dvořák s.r.o..
            phone (None | str | Unset): Digits, spaces and `+-()/.`. Example: +420 475 123 456.
            size_class (None | SizeClass | Unset):
            status (CompanyStatus | None | Unset):
            website (None | str | Unset): An `http` or `https` address. Example: https://www.pila-dvorak.cz.
     """

    address: AddressPatch | Unset = UNSET
    contact_persons: list[ContactInput] | None | Unset = UNSET
    description: LocalizedTextPatch | None | Unset = UNSET
    email: None | str | Unset = UNSET
    founded_on: datetime.date | None | Unset = UNSET
    identifiers: IdentifiersPatch | None | Unset = UNSET
    industries: list[str] | None | Unset = UNSET
    kind: CompanyKind | Unset = UNSET
    languages: list[str] | None | Unset = UNSET
    legal_form: None | str | Unset = UNSET
    name: str | Unset = UNSET
    phone: None | str | Unset = UNSET
    size_class: None | SizeClass | Unset = UNSET
    status: CompanyStatus | None | Unset = UNSET
    website: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.address_patch import AddressPatch # noqa: PLC0415
        from ..models.contact_input import ContactInput # noqa: PLC0415
        from ..models.identifiers_patch import IdentifiersPatch # noqa: PLC0415
        from ..models.localized_text_patch import LocalizedTextPatch # noqa: PLC0415
        address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.address, Unset):
            address = self.address.to_dict()

        contact_persons: list[dict[str, Any]] | None | Unset
        if isinstance(self.contact_persons, Unset):
            contact_persons = UNSET
        elif isinstance(self.contact_persons, list):
            contact_persons = []
            for contact_persons_type_0_item_data in self.contact_persons:
                contact_persons_type_0_item = contact_persons_type_0_item_data.to_dict()
                contact_persons.append(contact_persons_type_0_item)


        else:
            contact_persons = self.contact_persons

        description: dict[str, Any] | None | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, LocalizedTextPatch):
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
        elif isinstance(self.identifiers, IdentifiersPatch):
            identifiers = self.identifiers.to_dict()
        else:
            identifiers = self.identifiers

        industries: list[str] | None | Unset
        if isinstance(self.industries, Unset):
            industries = UNSET
        elif isinstance(self.industries, list):
            industries = self.industries


        else:
            industries = self.industries

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

        legal_form: None | str | Unset
        if isinstance(self.legal_form, Unset):
            legal_form = UNSET
        else:
            legal_form = self.legal_form

        name = self.name

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
        })
        if address is not UNSET:
            field_dict["address"] = address
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
        if kind is not UNSET:
            field_dict["kind"] = kind
        if languages is not UNSET:
            field_dict["languages"] = languages
        if legal_form is not UNSET:
            field_dict["legal_form"] = legal_form
        if name is not UNSET:
            field_dict["name"] = name
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
        from ..models.address_patch import AddressPatch # noqa: PLC0415
        from ..models.contact_input import ContactInput # noqa: PLC0415
        from ..models.identifiers_patch import IdentifiersPatch # noqa: PLC0415
        from ..models.localized_text_patch import LocalizedTextPatch # noqa: PLC0415
        d = dict(src_dict)
        _address = d.pop("address", UNSET)
        address: AddressPatch | Unset
        if isinstance(_address,  Unset):
            address = UNSET
        else:
            address = AddressPatch.from_dict(_address)




        def _parse_contact_persons(data: object) -> list[ContactInput] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                contact_persons_type_0 = []
                _contact_persons_type_0 = data
                for contact_persons_type_0_item_data in (_contact_persons_type_0):
                    contact_persons_type_0_item = ContactInput.from_dict(contact_persons_type_0_item_data)



                    contact_persons_type_0.append(contact_persons_type_0_item)

                return contact_persons_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ContactInput] | None | Unset, data)

        contact_persons = _parse_contact_persons(d.pop("contact_persons", UNSET))


        def _parse_description(data: object) -> LocalizedTextPatch | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                description_type_0 = LocalizedTextPatch.from_dict(data)



                return description_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LocalizedTextPatch | None | Unset, data)

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


        def _parse_identifiers(data: object) -> IdentifiersPatch | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                identifiers_type_0 = IdentifiersPatch.from_dict(data)



                return identifiers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IdentifiersPatch | None | Unset, data)

        identifiers = _parse_identifiers(d.pop("identifiers", UNSET))


        def _parse_industries(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                industries_type_0 = cast(list[str], data)

                return industries_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        industries = _parse_industries(d.pop("industries", UNSET))


        _kind = d.pop("kind", UNSET)
        kind: CompanyKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = CompanyKind(_kind)




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


        def _parse_legal_form(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        legal_form = _parse_legal_form(d.pop("legal_form", UNSET))


        name = d.pop("name", UNSET)

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


        company_patch = cls(
            address=address,
            contact_persons=contact_persons,
            description=description,
            email=email,
            founded_on=founded_on,
            identifiers=identifiers,
            industries=industries,
            kind=kind,
            languages=languages,
            legal_form=legal_form,
            name=name,
            phone=phone,
            size_class=size_class,
            status=status,
            website=website,
        )

        return company_patch

