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
  from ..models.localized_text_input import LocalizedTextInput
  from ..models.product_name import ProductName





T = TypeVar("T", bound="ProductInput")



@_attrs_define
class ProductInput:
    """ A product or service as a company's members write it.

        Attributes:
            kind (ProductKind):
            name (ProductName):
            description (LocalizedTextInput | None | Unset):
            image_url (None | str | Unset): An `http` or `https` address of a picture.
            industries (list[str] | Unset): NACE Rev. 2 classes (`25.62`). Example: ['25.62'].
            keywords (list[str] | Unset): Free keywords, up to 30 of up to 60 characters. Example: ['CNC', '5-Achs',
                'Aluminium'].
     """

    kind: ProductKind
    name: ProductName
    description: LocalizedTextInput | None | Unset = UNSET
    image_url: None | str | Unset = UNSET
    industries: list[str] | Unset = UNSET
    keywords: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.localized_text_input import LocalizedTextInput # noqa: PLC0415
        from ..models.product_name import ProductName # noqa: PLC0415
        kind = self.kind.value

        name = self.name.to_dict()

        description: dict[str, Any] | None | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        elif isinstance(self.description, LocalizedTextInput):
            description = self.description.to_dict()
        else:
            description = self.description

        image_url: None | str | Unset
        if isinstance(self.image_url, Unset):
            image_url = UNSET
        else:
            image_url = self.image_url

        industries: list[str] | Unset = UNSET
        if not isinstance(self.industries, Unset):
            industries = self.industries



        keywords: list[str] | Unset = UNSET
        if not isinstance(self.keywords, Unset):
            keywords = self.keywords




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
            "name": name,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if image_url is not UNSET:
            field_dict["image_url"] = image_url
        if industries is not UNSET:
            field_dict["industries"] = industries
        if keywords is not UNSET:
            field_dict["keywords"] = keywords

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.localized_text_input import LocalizedTextInput # noqa: PLC0415
        from ..models.product_name import ProductName # noqa: PLC0415
        d = dict(src_dict)
        kind = ProductKind(d.pop("kind"))




        name = ProductName.from_dict(d.pop("name"))




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


        def _parse_image_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image_url = _parse_image_url(d.pop("image_url", UNSET))


        industries = cast(list[str], d.pop("industries", UNSET))


        keywords = cast(list[str], d.pop("keywords", UNSET))


        product_input = cls(
            kind=kind,
            name=name,
            description=description,
            image_url=image_url,
            industries=industries,
            keywords=keywords,
        )

        return product_input

