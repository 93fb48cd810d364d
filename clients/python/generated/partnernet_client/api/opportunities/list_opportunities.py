from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.country import Country
from ...models.list_opportunities_sort import ListOpportunitiesSort
from ...models.opportunity_type import OpportunityType
from ...models.partnership_type import PartnershipType
from ...models.problem import Problem
from ...models.search_page_opportunity import SearchPageOpportunity
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    q: str | Unset = UNSET,
    type_: list[OpportunityType] | Unset = UNSET,
    partnership_type: list[PartnershipType] | Unset = UNSET,
    country: Country | Unset = UNSET,
    region: list[str] | Unset = UNSET,
    programme_area: bool | Unset = UNSET,
    nace: list[str] | Unset = UNSET,
    target_country: Country | Unset = UNSET,
    company: list[str] | Unset = UNSET,
    near: str | Unset = UNSET,
    near_postal_code: str | Unset = UNSET,
    radius_km: float | Unset = UNSET,
    sort: ListOpportunitiesSort | Unset = UNSET,
    facets: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["q"] = q

    json_type_: list[str] | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = []
        for type_item_data in type_:
            type_item = type_item_data.value
            json_type_.append(type_item)


    params["type"] = json_type_

    json_partnership_type: list[str] | Unset = UNSET
    if not isinstance(partnership_type, Unset):
        json_partnership_type = []
        for partnership_type_item_data in partnership_type:
            partnership_type_item = partnership_type_item_data.value
            json_partnership_type.append(partnership_type_item)


    params["partnership_type"] = json_partnership_type

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

    json_target_country: str | Unset = UNSET
    if not isinstance(target_country, Unset):
        json_target_country = target_country.value

    params["target_country"] = json_target_country

    json_company: list[str] | Unset = UNSET
    if not isinstance(company, Unset):
        json_company = company


    params["company"] = json_company

    params["near"] = near

    params["near_postal_code"] = near_postal_code

    params["radius_km"] = radius_km

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["facets"] = facets

    params["limit"] = limit

    params["cursor"] = cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/opportunities",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SearchPageOpportunity | None:
    if response.status_code == 200:
        response_200 = SearchPageOpportunity.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SearchPageOpportunity]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    type_: list[OpportunityType] | Unset = UNSET,
    partnership_type: list[PartnershipType] | Unset = UNSET,
    country: Country | Unset = UNSET,
    region: list[str] | Unset = UNSET,
    programme_area: bool | Unset = UNSET,
    nace: list[str] | Unset = UNSET,
    target_country: Country | Unset = UNSET,
    company: list[str] | Unset = UNSET,
    near: str | Unset = UNSET,
    near_postal_code: str | Unset = UNSET,
    radius_km: float | Unset = UNSET,
    sort: ListOpportunitiesSort | Unset = UNSET,
    facets: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[Problem | SearchPageOpportunity]:
    """ Search opportunities

     Published opportunities that are still valid, of published organisations: offers and
    requests for business, technology and research partners, searched like the company
    directory (folding, glossary, cross-language) and filtered, with facets.

    Args:
        q (str | Unset):
        type_ (list[OpportunityType] | Unset):
        partnership_type (list[PartnershipType] | Unset):
        country (Country | Unset):
        region (list[str] | Unset):
        programme_area (bool | Unset):
        nace (list[str] | Unset):
        target_country (Country | Unset):
        company (list[str] | Unset):
        near (str | Unset):
        near_postal_code (str | Unset):
        radius_km (float | Unset):
        sort (ListOpportunitiesSort | Unset):
        facets (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SearchPageOpportunity]
     """


    kwargs = _get_kwargs(
        q=q,
type_=type_,
partnership_type=partnership_type,
country=country,
region=region,
programme_area=programme_area,
nace=nace,
target_country=target_country,
company=company,
near=near,
near_postal_code=near_postal_code,
radius_km=radius_km,
sort=sort,
facets=facets,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    type_: list[OpportunityType] | Unset = UNSET,
    partnership_type: list[PartnershipType] | Unset = UNSET,
    country: Country | Unset = UNSET,
    region: list[str] | Unset = UNSET,
    programme_area: bool | Unset = UNSET,
    nace: list[str] | Unset = UNSET,
    target_country: Country | Unset = UNSET,
    company: list[str] | Unset = UNSET,
    near: str | Unset = UNSET,
    near_postal_code: str | Unset = UNSET,
    radius_km: float | Unset = UNSET,
    sort: ListOpportunitiesSort | Unset = UNSET,
    facets: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Problem | SearchPageOpportunity | None:
    """ Search opportunities

     Published opportunities that are still valid, of published organisations: offers and
    requests for business, technology and research partners, searched like the company
    directory (folding, glossary, cross-language) and filtered, with facets.

    Args:
        q (str | Unset):
        type_ (list[OpportunityType] | Unset):
        partnership_type (list[PartnershipType] | Unset):
        country (Country | Unset):
        region (list[str] | Unset):
        programme_area (bool | Unset):
        nace (list[str] | Unset):
        target_country (Country | Unset):
        company (list[str] | Unset):
        near (str | Unset):
        near_postal_code (str | Unset):
        radius_km (float | Unset):
        sort (ListOpportunitiesSort | Unset):
        facets (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SearchPageOpportunity
     """


    return sync_detailed(
        client=client,
q=q,
type_=type_,
partnership_type=partnership_type,
country=country,
region=region,
programme_area=programme_area,
nace=nace,
target_country=target_country,
company=company,
near=near,
near_postal_code=near_postal_code,
radius_km=radius_km,
sort=sort,
facets=facets,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    type_: list[OpportunityType] | Unset = UNSET,
    partnership_type: list[PartnershipType] | Unset = UNSET,
    country: Country | Unset = UNSET,
    region: list[str] | Unset = UNSET,
    programme_area: bool | Unset = UNSET,
    nace: list[str] | Unset = UNSET,
    target_country: Country | Unset = UNSET,
    company: list[str] | Unset = UNSET,
    near: str | Unset = UNSET,
    near_postal_code: str | Unset = UNSET,
    radius_km: float | Unset = UNSET,
    sort: ListOpportunitiesSort | Unset = UNSET,
    facets: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[Problem | SearchPageOpportunity]:
    """ Search opportunities

     Published opportunities that are still valid, of published organisations: offers and
    requests for business, technology and research partners, searched like the company
    directory (folding, glossary, cross-language) and filtered, with facets.

    Args:
        q (str | Unset):
        type_ (list[OpportunityType] | Unset):
        partnership_type (list[PartnershipType] | Unset):
        country (Country | Unset):
        region (list[str] | Unset):
        programme_area (bool | Unset):
        nace (list[str] | Unset):
        target_country (Country | Unset):
        company (list[str] | Unset):
        near (str | Unset):
        near_postal_code (str | Unset):
        radius_km (float | Unset):
        sort (ListOpportunitiesSort | Unset):
        facets (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SearchPageOpportunity]
     """


    kwargs = _get_kwargs(
        q=q,
type_=type_,
partnership_type=partnership_type,
country=country,
region=region,
programme_area=programme_area,
nace=nace,
target_country=target_country,
company=company,
near=near,
near_postal_code=near_postal_code,
radius_km=radius_km,
sort=sort,
facets=facets,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    type_: list[OpportunityType] | Unset = UNSET,
    partnership_type: list[PartnershipType] | Unset = UNSET,
    country: Country | Unset = UNSET,
    region: list[str] | Unset = UNSET,
    programme_area: bool | Unset = UNSET,
    nace: list[str] | Unset = UNSET,
    target_country: Country | Unset = UNSET,
    company: list[str] | Unset = UNSET,
    near: str | Unset = UNSET,
    near_postal_code: str | Unset = UNSET,
    radius_km: float | Unset = UNSET,
    sort: ListOpportunitiesSort | Unset = UNSET,
    facets: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Problem | SearchPageOpportunity | None:
    """ Search opportunities

     Published opportunities that are still valid, of published organisations: offers and
    requests for business, technology and research partners, searched like the company
    directory (folding, glossary, cross-language) and filtered, with facets.

    Args:
        q (str | Unset):
        type_ (list[OpportunityType] | Unset):
        partnership_type (list[PartnershipType] | Unset):
        country (Country | Unset):
        region (list[str] | Unset):
        programme_area (bool | Unset):
        nace (list[str] | Unset):
        target_country (Country | Unset):
        company (list[str] | Unset):
        near (str | Unset):
        near_postal_code (str | Unset):
        radius_km (float | Unset):
        sort (ListOpportunitiesSort | Unset):
        facets (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SearchPageOpportunity
     """


    return (await asyncio_detailed(
        client=client,
q=q,
type_=type_,
partnership_type=partnership_type,
country=country,
region=region,
programme_area=programme_area,
nace=nace,
target_country=target_country,
company=company,
near=near,
near_postal_code=near_postal_code,
radius_km=radius_km,
sort=sort,
facets=facets,
limit=limit,
cursor=cursor,

    )).parsed
