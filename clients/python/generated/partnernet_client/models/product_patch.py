from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.product_kind import ProductKind
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.localized_text_patch import LocalizedTextPatch





T = TypeVar("T", bound="ProductPatch")



@_attrs_define
class ProductPatch:
    """ A JSON merge patch (RFC 7396) of `ProductInput`: send only the fields to change. `null` removes an optional field,
    nested objects merge field by field, and lists are replaced whole. The result must be a valid `ProductInput`.

        Attributes:
            description (LocalizedTextPatch | None | Unset):
            image_url (None | str | Unset): An `http` or `https` address of a picture.
            industries (list[str] | None | Unset): NACE Rev. 2 classes (`25.62`). Example: ['25.62'].
            keywords (list[str] | None | Unset): Free keywords, up to 30 of up to 60 characters. Example: ['CNC', '5-Achs',
                'Aluminium'].
            kind (ProductKind | Unset):
            name (LocalizedTextPatch | Unset): A text per language; any may be left out or `null`.
     """

    description: LocalizedTextPatch | None | Unset = UNSET
    image_url: None | str | Unset = UNSET
    industries: list[str] | None | Unset = UNSET
    keywords: list[str] | None | Unset = UNSET
    kind: ProductKind | Unset = UNSET
    name: LocalizedTextPatch | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.localized_text_patch import LocalizedTextPatch # noqa: PLC0415
        description: dict[str, Any] | None | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, LocalizedTextPatch):
            description = self.description.to_dict()
        else:
            description = self.description

        image_url: None | str | Unset
        if isinstance(self.image_url, Unset):
            image_url = UNSET
        else:
            image_url = self.image_url

        industries: list[str] | None | Unset
        if isinstance(self.industries, Unset):
            industries = UNSET
        elif isinstance(self.industries, list):
            industries = self.industries


        else:
            industries = self.industries

        keywords: list[str] | None | Unset
        if isinstance(self.keywords, Unset):
            keywords = UNSET
        elif isinstance(self.keywords, list):
            keywords = self.keywords


        else:
            keywords = self.keywords

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        name: dict[str, Any] | Unset = UNSET
        if not isinstance(self.name, Unset):
            name = self.name.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if description is not UNSET:
            field_dict["description"] = description
        if image_url is not UNSET:
            field_dict["image_url"] = image_url
        if industries is not UNSET:
            field_dict["industries"] = industries
        if keywords is not UNSET:
            field_dict["keywords"] = keywords
        if kind is not UNSET:
            field_dict["kind"] = kind
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.localized_text_patch import LocalizedTextPatch # noqa: PLC0415
        d = dict(src_dict)
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


        def _parse_image_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image_url = _parse_image_url(d.pop("image_url", UNSET))


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


        def _parse_keywords(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                keywords_type_0 = cast(list[str], data)

                return keywords_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        keywords = _parse_keywords(d.pop("keywords", UNSET))


        _kind = d.pop("kind", UNSET)
        kind: ProductKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = ProductKind(_kind)




        _name = d.pop("name", UNSET)
        name: LocalizedTextPatch | Unset
        if isinstance(_name,  Unset):
            name = UNSET
        else:
            name = LocalizedTextPatch.from_dict(_name)




        product_patch = cls(
            description=description,
            image_url=image_url,
            industries=industries,
            keywords=keywords,
            kind=kind,
            name=name,
        )

        return product_patch

