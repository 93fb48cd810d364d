from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.country import Country
from ...models.legal_form_list import LegalFormList
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    country: Country | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    params: dict[str, Any] = {}

    json_country: str | Unset = UNSET
    if not isinstance(country, Unset):
        json_country = country.value

    params["country"] = json_country


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reference/legal-forms",
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | LegalFormList | Problem | None:
    if response.status_code == 200:
        response_200 = LegalFormList.from_dict(response.json())



        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | LegalFormList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    country: Country | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> Response[Any | LegalFormList | Problem]:
    """ List legal forms

     The common legal forms of both countries (GmbH, UG, AG, KG, e. K., e. V., eG, ...; s.r.o.,
    a.s., v.o.s., k.s., družstvo, z. s., ...), Czech ones with their ARES code.

    Args:
        country (Country | Unset):
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | LegalFormList | Problem]
     """


    kwargs = _get_kwargs(
        country=country,
if_none_match=if_none_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    country: Country | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> Any | LegalFormList | Problem | None:
    """ List legal forms

     The common legal forms of both countries (GmbH, UG, AG, KG, e. K., e. V., eG, ...; s.r.o.,
    a.s., v.o.s., k.s., družstvo, z. s., ...), Czech ones with their ARES code.

    Args:
        country (Country | Unset):
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | LegalFormList | Problem
     """


    return sync_detailed(
        client=client,
country=country,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    country: Country | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> Response[Any | LegalFormList | Problem]:
    """ List legal forms

     The common legal forms of both countries (GmbH, UG, AG, KG, e. K., e. V., eG, ...; s.r.o.,
    a.s., v.o.s., k.s., družstvo, z. s., ...), Czech ones with their ARES code.

    Args:
        country (Country | Unset):
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | LegalFormList | Problem]
     """


    kwargs = _get_kwargs(
        country=country,
if_none_match=if_none_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    country: Country | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> Any | LegalFormList | Problem | None:
    """ List legal forms

     The common legal forms of both countries (GmbH, UG, AG, KG, e. K., e. V., eG, ...; s.r.o.,
    a.s., v.o.s., k.s., družstvo, z. s., ...), Czech ones with their ARES code.

    Args:
        country (Country | Unset):
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | LegalFormList | Problem
     """


    return (await asyncio_detailed(
        client=client,
country=country,
if_none_match=if_none_match,

    )).parsed
