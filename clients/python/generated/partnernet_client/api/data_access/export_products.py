from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.country import Country
from ...models.export_products_format import ExportProductsFormat
from ...models.problem import Problem
from ...models.product import Product
from ...models.size_class import SizeClass
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    format_: ExportProductsFormat | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    q: str | Unset = UNSET,
    country: Country | Unset = UNSET,
    region: list[str] | Unset = UNSET,
    programme_area: bool | Unset = UNSET,
    nace: list[str] | Unset = UNSET,
    kind: list[str] | Unset = UNSET,
    size: list[SizeClass] | Unset = UNSET,
    verified: bool | Unset = UNSET,
    has_products: bool | Unset = UNSET,
    near: str | Unset = UNSET,
    near_postal_code: str | Unset = UNSET,
    radius_km: float | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    params["q"] = q

    json_country: str | Unset = UNSET
    if not isinstance(country, Unset):
        json_country = country.value

    params["country"] = json_country

    json_region: list[str] | Unset = UNSET
    if not isinstance(region, Unset):
        json_region = region


    params["region"] = json_region

    params["programme_area"] = programme_area

    json_nace: list[str] | Unset = UNSET
    if not isinstance(nace, Unset):
        json_nace = nace


    params["nace"] = json_nace

    json_kind: list[str] | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind


    params["kind"] = json_kind

    json_size: list[str] | Unset = UNSET
    if not isinstance(size, Unset):
        json_size = []
        for size_item_data in size:
            size_item = size_item_data.value
            json_size.append(size_item)


    params["size"] = json_size

    params["verified"] = verified

    params["has_products"] = has_products

    params["near"] = near

    params["near_postal_code"] = near_postal_code

    params["radius_km"] = radius_km


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/export/products",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Product | None:
    if response.status_code == 200:
        response_200 = Product.from_dict(response.content)



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())



        return response_414

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if response.status_code == 431:
        response_431 = Problem.from_dict(response.json())



        return response_431

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())



        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Product]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    format_: ExportProductsFormat | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    q: str | Unset = UNSET,
    country: Country | Unset = UNSET,
    region: list[str] | Unset = UNSET,
    programme_area: bool | Unset = UNSET,
    nace: list[str] | Unset = UNSET,
    kind: list[str] | Unset = UNSET,
    size: list[SizeClass] | Unset = UNSET,
    verified: bool | Unset = UNSET,
    has_products: bool | Unset = UNSET,
    near: str | Unset = UNSET,
    near_postal_code: str | Unset = UNSET,
    radius_km: float | Unset = UNSET,

) -> Response[Problem | Product]:
    """ Export products and services

     For API keys with the `export` scope and administrators: every product and service of a
    published company matching the product search's filters (all of them without filters), as
    NDJSON (each as `GET /v1/products/{id}` shows it) or CSV, streamed from one snapshot.
    `X-Change-Position` names the change-log position it is consistent with. See
    `docs/data-access.md` for the CSV columns.

    Args:
        format_ (ExportProductsFormat | Unset): The formats of an export.
        updated_since (datetime.datetime | Unset):
        q (str | Unset):
        country (Country | Unset):
        region (list[str] | Unset):
        programme_area (bool | Unset):
        nace (list[str] | Unset):
        kind (list[str] | Unset):
        size (list[SizeClass] | Unset):
        verified (bool | Unset):
        has_products (bool | Unset):
        near (str | Unset):
        near_postal_code (str | Unset):
        radius_km (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Product]
     """


    kwargs = _get_kwargs(
        format_=format_,
updated_since=updated_since,
q=q,
country=country,
region=region,
programme_area=programme_area,
nace=nace,
kind=kind,
size=size,
verified=verified,
has_products=has_products,
near=near,
near_postal_code=near_postal_code,
radius_km=radius_km,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    format_: ExportProductsFormat | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    q: str | Unset = UNSET,
    country: Country | Unset = UNSET,
    region: list[str] | Unset = UNSET,
    programme_area: bool | Unset = UNSET,
    nace: list[str] | Unset = UNSET,
    kind: list[str] | Unset = UNSET,
    size: list[SizeClass] | Unset = UNSET,
    verified: bool | Unset = UNSET,
    has_products: bool | Unset = UNSET,
    near: str | Unset = UNSET,
    near_postal_code: str | Unset = UNSET,
    radius_km: float | Unset = UNSET,

) -> Problem | Product | None:
    """ Export products and services

     For API keys with the `export` scope and administrators: every product and service of a
    published company matching the product search's filters (all of them without filters), as
    NDJSON (each as `GET /v1/products/{id}` shows it) or CSV, streamed from one snapshot.
    `X-Change-Position` names the change-log position it is consistent with. See
    `docs/data-access.md` for the CSV columns.

    Args:
        format_ (ExportProductsFormat | Unset): The formats of an export.
        updated_since (datetime.datetime | Unset):
        q (str | Unset):
        country (Country | Unset):
        region (list[str] | Unset):
        programme_area (bool | Unset):
        nace (list[str] | Unset):
        kind (list[str] | Unset):
        size (list[SizeClass] | Unset):
        verified (bool | Unset):
        has_products (bool | Unset):
        near (str | Unset):
        near_postal_code (str | Unset):
        radius_km (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Product
     """


    return sync_detailed(
        client=client,
format_=format_,
updated_since=updated_since,
q=q,
country=country,
region=region,
programme_area=programme_area,
nace=nace,
kind=kind,
size=size,
verified=verified,
has_products=has_products,
near=near,
near_postal_code=near_postal_code,
radius_km=radius_km,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    format_: ExportProductsFormat | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    q: str | Unset = UNSET,
    country: Country | Unset = UNSET,
    region: list[str] | Unset = UNSET,
    programme_area: bool | Unset = UNSET,
    nace: list[str] | Unset = UNSET,
    kind: list[str] | Unset = UNSET,
    size: list[SizeClass] | Unset = UNSET,
    verified: bool | Unset = UNSET,
    has_products: bool | Unset = UNSET,
    near: str | Unset = UNSET,
    near_postal_code: str | Unset = UNSET,
    radius_km: float | Unset = UNSET,

) -> Response[Problem | Product]:
    """ Export products and services

     For API keys with the `export` scope and administrators: every product and service of a
    published company matching the product search's filters (all of them without filters), as
    NDJSON (each as `GET /v1/products/{id}` shows it) or CSV, streamed from one snapshot.
    `X-Change-Position` names the change-log position it is consistent with. See
    `docs/data-access.md` for the CSV columns.

    Args:
        format_ (ExportProductsFormat | Unset): The formats of an export.
        updated_since (datetime.datetime | Unset):
        q (str | Unset):
        country (Country | Unset):
        region (list[str] | Unset):
        programme_area (bool | Unset):
        nace (list[str] | Unset):
        kind (list[str] | Unset):
        size (list[SizeClass] | Unset):
        verified (bool | Unset):
        has_products (bool | Unset):
        near (str | Unset):
        near_postal_code (str | Unset):
        radius_km (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Product]
     """


    kwargs = _get_kwargs(
        format_=format_,
updated_since=updated_since,
q=q,
country=country,
region=region,
programme_area=programme_area,
nace=nace,
kind=kind,
size=size,
verified=verified,
has_products=has_products,
near=near,
near_postal_code=near_postal_code,
radius_km=radius_km,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    format_: ExportProductsFormat | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    q: str | Unset = UNSET,
    country: Country | Unset = UNSET,
    region: list[str] | Unset = UNSET,
    programme_area: bool | Unset = UNSET,
    nace: list[str] | Unset = UNSET,
    kind: list[str] | Unset = UNSET,
    size: list[SizeClass] | Unset = UNSET,
    verified: bool | Unset = UNSET,
    has_products: bool | Unset = UNSET,
    near: str | Unset = UNSET,
    near_postal_code: str | Unset = UNSET,
    radius_km: float | Unset = UNSET,

) -> Problem | Product | None:
    """ Export products and services

     For API keys with the `export` scope and administrators: every product and service of a
    published company matching the product search's filters (all of them without filters), as
    NDJSON (each as `GET /v1/products/{id}` shows it) or CSV, streamed from one snapshot.
    `X-Change-Position` names the change-log position it is consistent with. See
    `docs/data-access.md` for the CSV columns.

    Args:
        format_ (ExportProductsFormat | Unset): The formats of an export.
        updated_since (datetime.datetime | Unset):
        q (str | Unset):
        country (Country | Unset):
        region (list[str] | Unset):
        programme_area (bool | Unset):
        nace (list[str] | Unset):
        kind (list[str] | Unset):
        size (list[SizeClass] | Unset):
        verified (bool | Unset):
        has_products (bool | Unset):
        near (str | Unset):
        near_postal_code (str | Unset):
        radius_km (float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Product
     """


    return (await asyncio_detailed(
        client=client,
format_=format_,
updated_since=updated_since,
q=q,
country=country,
region=region,
programme_area=programme_area,
nace=nace,
kind=kind,
size=size,
verified=verified,
has_products=has_products,
near=near,
near_postal_code=near_postal_code,
radius_km=radius_km,

    )).parsed
