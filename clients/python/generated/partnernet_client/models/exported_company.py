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
  from ..models.address import Address
  from ..models.company_industry import CompanyIndustry
  from ..models.contact_person import ContactPerson
  from ..models.identifiers import Identifiers
  from ..models.legal_form_ref import LegalFormRef
  from ..models.localized_text import LocalizedText
  from ..models.product import Product
  from ..models.register_record import RegisterRecord





T = TypeVar("T", bound="ExportedCompany")



@_attrs_define
class ExportedCompany:
    """ One line of an NDJSON export: the profile as `GET /v1/companies/{id}` shows it to the key,
    with its products and services.

        Attributes:
            address (Address):
            claimed (bool): Whether anybody manages the profile. Imported profiles start unclaimed; a user can claim
                one (`POST /v1/companies/{id}/claims`) and an administrator decides.
            created_at (datetime.datetime):
            description (LocalizedText): A text its author wrote per language; a language without text is `null`.
            id (str):  Example: 019a8f4e-7c1b-7d2e-9f00-3b5c2a1d4e6f.
            identifiers (Identifiers):
            industries (list[CompanyIndustry]): Primary activity first.
            kind (CompanyKind):
            languages (list[str]): ISO 639-1 codes of the languages the staff speaks. Example: ['cs', 'de'].
            name (str): The name as registered; names are not translated.
            status (CompanyStatus):
            updated_at (datetime.datetime):
            verified (bool): Checked by the platform's administrators.
            version (int): Increases with every change; the ETag is derived from it.
            products (list[Product]):
            contact_persons (list[ContactPerson] | None | Unset): Personal data: present only for signed-in users and API
                keys with the `read` scope.
            distance_km (float | None | Unset): In searches with `near` or `near_postal_code`: the distance in km (absent
                when the
                location is unknown).
            email (None | str | Unset):
            founded_on (datetime.date | None | Unset):
            legal_form (LegalFormRef | None | Unset):
            phone (None | str | Unset):
            registration (None | RegisterRecord | Unset):
            size_class (None | SizeClass | Unset):
            website (None | str | Unset):
     """

    address: Address
    claimed: bool
    created_at: datetime.datetime
    description: LocalizedText
    id: str
    identifiers: Identifiers
    industries: list[CompanyIndustry]
    kind: CompanyKind
    languages: list[str]
    name: str
    status: CompanyStatus
    updated_at: datetime.datetime
    verified: bool
    version: int
    products: list[Product]
    contact_persons: list[ContactPerson] | None | Unset = UNSET
    distance_km: float | None | Unset = UNSET
    email: None | str | Unset = UNSET
    founded_on: datetime.date | None | Unset = UNSET
    legal_form: LegalFormRef | None | Unset = UNSET
    phone: None | str | Unset = UNSET
    registration: None | RegisterRecord | Unset = UNSET
    size_class: None | SizeClass | Unset = UNSET
    website: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.address import Address # noqa: PLC0415
        from ..models.company_industry import CompanyIndustry # noqa: PLC0415
        from ..models.contact_person import ContactPerson # noqa: PLC0415
        from ..models.identifiers import Identifiers # noqa: PLC0415
        from ..models.legal_form_ref import LegalFormRef # noqa: PLC0415
        from ..models.localized_text import LocalizedText # noqa: PLC0415
        from ..models.product import Product # noqa: PLC0415
        from ..models.register_record import RegisterRecord # noqa: PLC0415
        address = self.address.to_dict()

        claimed = self.claimed

        created_at = self.created_at.isoformat()

        description = self.description.to_dict()

        id = self.id

        identifiers = self.identifiers.to_dict()

        industries = []
        for industries_item_data in self.industries:
            industries_item = industries_item_data.to_dict()
            industries.append(industries_item)



        kind = self.kind.value

        languages = self.languages



        name = self.name

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        verified = self.verified

        version = self.version

        products = []
        for products_item_data in self.products:
            products_item = products_item_data.to_dict()
            products.append(products_item)



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

        distance_km: float | None | Unset
        if isinstance(self.distance_km, Unset):
            distance_km = UNSET
        else:
            distance_km = self.distance_km

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

        legal_form: dict[str, Any] | None | Unset
        if isinstance(self.legal_form, Unset):
            legal_form = UNSET
        elif isinstance(self.legal_form, LegalFormRef):
            legal_form = self.legal_form.to_dict()
        else:
            legal_form = self.legal_form

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        registration: dict[str, Any] | None | Unset
        if isinstance(self.registration, Unset):
            registration = UNSET
        elif isinstance(self.registration, RegisterRecord):
            registration = self.registration.to_dict()
        else:
            registration = self.registration

        size_class: None | str | Unset
        if isinstance(self.size_class, Unset):
            size_class = UNSET
        elif isinstance(self.size_class, SizeClass):
            size_class = self.size_class.value
        else:
            size_class = self.size_class

        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "address": address,
            "claimed": claimed,
            "created_at": created_at,
            "description": description,
            "id": id,
            "identifiers": identifiers,
            "industries": industries,
            "kind": kind,
            "languages": languages,
            "name": name,
            "status": status,
            "updated_at": updated_at,
            "verified": verified,
            "version": version,
            "products": products,
        })
        if contact_persons is not UNSET:
            field_dict["contact_persons"] = contact_persons
        if distance_km is not UNSET:
            field_dict["distance_km"] = distance_km
        if email is not UNSET:
            field_dict["email"] = email
        if founded_on is not UNSET:
            field_dict["founded_on"] = founded_on
        if legal_form is not UNSET:
            field_dict["legal_form"] = legal_form
        if phone is not UNSET:
            field_dict["phone"] = phone
        if registration is not UNSET:
            field_dict["registration"] = registration
        if size_class is not UNSET:
            field_dict["size_class"] = size_class
        if website is not UNSET:
            field_dict["website"] = website

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address # noqa: PLC0415
        from ..models.company_industry import CompanyIndustry # noqa: PLC0415
        from ..models.contact_person import ContactPerson # noqa: PLC0415
        from ..models.identifiers import Identifiers # noqa: PLC0415
        from ..models.legal_form_ref import LegalFormRef # noqa: PLC0415
        from ..models.localized_text import LocalizedText # noqa: PLC0415
        from ..models.product import Product # noqa: PLC0415
        from ..models.register_record import RegisterRecord # noqa: PLC0415
        d = dict(src_dict)
        address = Address.from_dict(d.pop("address"))




        claimed = d.pop("claimed")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        description = LocalizedText.from_dict(d.pop("description"))




        id = d.pop("id")

        identifiers = Identifiers.from_dict(d.pop("identifiers"))




        industries = []
        _industries = d.pop("industries")
        for industries_item_data in (_industries):
            industries_item = CompanyIndustry.from_dict(industries_item_data)



            industries.append(industries_item)


        kind = CompanyKind(d.pop("kind"))




        languages = cast(list[str], d.pop("languages"))


        name = d.pop("name")

        status = CompanyStatus(d.pop("status"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        verified = d.pop("verified")

        version = d.pop("version")

        products = []
        _products = d.pop("products")
        for products_item_data in (_products):
            products_item = Product.from_dict(products_item_data)



            products.append(products_item)


        def _parse_contact_persons(data: object) -> list[ContactPerson] | None | Unset:
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
                    contact_persons_type_0_item = ContactPerson.from_dict(contact_persons_type_0_item_data)



                    contact_persons_type_0.append(contact_persons_type_0_item)

                return contact_persons_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ContactPerson] | None | Unset, data)

        contact_persons = _parse_contact_persons(d.pop("contact_persons", UNSET))


        def _parse_distance_km(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        distance_km = _parse_distance_km(d.pop("distance_km", UNSET))


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


        def _parse_legal_form(data: object) -> LegalFormRef | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                legal_form_type_0 = LegalFormRef.from_dict(data)



                return legal_form_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LegalFormRef | None | Unset, data)

        legal_form = _parse_legal_form(d.pop("legal_form", UNSET))


        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))


        def _parse_registration(data: object) -> None | RegisterRecord | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                registration_type_0 = RegisterRecord.from_dict(data)



                return registration_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RegisterRecord | Unset, data)

        registration = _parse_registration(d.pop("registration", UNSET))


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


        def _parse_website(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))


        exported_company = cls(
            address=address,
            claimed=claimed,
            created_at=created_at,
            description=description,
            id=id,
            identifiers=identifiers,
            industries=industries,
            kind=kind,
            languages=languages,
            name=name,
            status=status,
            updated_at=updated_at,
            verified=verified,
            version=version,
            products=products,
            contact_persons=contact_persons,
            distance_km=distance_km,
            email=email,
            founded_on=founded_on,
            legal_form=legal_form,
            phone=phone,
            registration=registration,
            size_class=size_class,
            website=website,
        )


        exported_company.additional_properties = d
        return exported_company

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
