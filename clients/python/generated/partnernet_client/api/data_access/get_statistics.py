from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.country import Country
from ...models.problem import Problem
from ...models.size_class import SizeClass
from ...models.statistics import Statistics
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    group_by: str | Unset = UNSET,
    format_: str | Unset = UNSET,
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

    params["group_by"] = group_by

    params["format"] = format_

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
        "url": "/v1/stats/companies",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Statistics | None:
    if response.status_code == 200:
        response_200 = Statistics.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Statistics]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    group_by: str | Unset = UNSET,
    format_: str | Unset = UNSET,
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

) -> Response[Problem | Statistics]:
    """ Statistics of the platform

     For API keys with the `stats` scope and administrators. Company counts go through the
    search index and take the company search's filters; labels of regions and NACE sections
    come in German, Czech and English. `format=csv` (or `Accept: text/csv`) gives one row per
    count: `group,value,label_de,label_cs,label_en,count`.

    Args:
        group_by (str | Unset):
        format_ (str | Unset):
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
        Response[Problem | Statistics]
     """


    kwargs = _get_kwargs(
        group_by=group_by,
format_=format_,
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
    group_by: str | Unset = UNSET,
    format_: str | Unset = UNSET,
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

) -> Problem | Statistics | None:
    """ Statistics of the platform

     For API keys with the `stats` scope and administrators. Company counts go through the
    search index and take the company search's filters; labels of regions and NACE sections
    come in German, Czech and English. `format=csv` (or `Accept: text/csv`) gives one row per
    count: `group,value,label_de,label_cs,label_en,count`.

    Args:
        group_by (str | Unset):
        format_ (str | Unset):
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
        Problem | Statistics
     """


    return sync_detailed(
        client=client,
group_by=group_by,
format_=format_,
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
    group_by: str | Unset = UNSET,
    format_: str | Unset = UNSET,
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

) -> Response[Problem | Statistics]:
    """ Statistics of the platform

     For API keys with the `stats` scope and administrators. Company counts go through the
    search index and take the company search's filters; labels of regions and NACE sections
    come in German, Czech and English. `format=csv` (or `Accept: text/csv`) gives one row per
    count: `group,value,label_de,label_cs,label_en,count`.

    Args:
        group_by (str | Unset):
        format_ (str | Unset):
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
        Response[Problem | Statistics]
     """


    kwargs = _get_kwargs(
        group_by=group_by,
format_=format_,
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
    group_by: str | Unset = UNSET,
    format_: str | Unset = UNSET,
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

) -> Problem | Statistics | None:
    """ Statistics of the platform

     For API keys with the `stats` scope and administrators. Company counts go through the
    search index and take the company search's filters; labels of regions and NACE sections
    come in German, Czech and English. `format=csv` (or `Accept: text/csv`) gives one row per
    count: `group,value,label_de,label_cs,label_en,count`.

    Args:
        group_by (str | Unset):
        format_ (str | Unset):
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
        Problem | Statistics
     """


    return (await asyncio_detailed(
        client=client,
group_by=group_by,
format_=format_,
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
