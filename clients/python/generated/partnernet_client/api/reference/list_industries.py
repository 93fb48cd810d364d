from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.industry_list import IndustryList
from ...models.nace_level import NaceLevel
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    level: NaceLevel | Unset = UNSET,
    parent: str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    params: dict[str, Any] = {}

    json_level: str | Unset = UNSET
    if not isinstance(level, Unset):
        json_level = level.value

    params["level"] = json_level

    params["parent"] = parent


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reference/industries",
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | IndustryList | Problem | None:
    if response.status_code == 200:
        response_200 = IndustryList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | IndustryList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    level: NaceLevel | Unset = UNSET,
    parent: str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> Response[Any | IndustryList | Problem]:
    """ List NACE Rev. 2 industry codes

     All 996 codes (21 sections, 88 divisions, 272 groups, 615 classes) with German, Czech and
    English labels, optionally narrowed to one level or to the children of one code.

    Args:
        level (NaceLevel | Unset):
        parent (str | Unset):
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | IndustryList | Problem]
     """


    kwargs = _get_kwargs(
        level=level,
parent=parent,
if_none_match=if_none_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    level: NaceLevel | Unset = UNSET,
    parent: str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> Any | IndustryList | Problem | None:
    """ List NACE Rev. 2 industry codes

     All 996 codes (21 sections, 88 divisions, 272 groups, 615 classes) with German, Czech and
    English labels, optionally narrowed to one level or to the children of one code.

    Args:
        level (NaceLevel | Unset):
        parent (str | Unset):
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | IndustryList | Problem
     """


    return sync_detailed(
        client=client,
level=level,
parent=parent,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    level: NaceLevel | Unset = UNSET,
    parent: str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> Response[Any | IndustryList | Problem]:
    """ List NACE Rev. 2 industry codes

     All 996 codes (21 sections, 88 divisions, 272 groups, 615 classes) with German, Czech and
    English labels, optionally narrowed to one level or to the children of one code.

    Args:
        level (NaceLevel | Unset):
        parent (str | Unset):
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | IndustryList | Problem]
     """


    kwargs = _get_kwargs(
        level=level,
parent=parent,
if_none_match=if_none_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    level: NaceLevel | Unset = UNSET,
    parent: str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> Any | IndustryList | Problem | None:
    """ List NACE Rev. 2 industry codes

     All 996 codes (21 sections, 88 divisions, 272 groups, 615 classes) with German, Czech and
    English labels, optionally narrowed to one level or to the children of one code.

    Args:
        level (NaceLevel | Unset):
        parent (str | Unset):
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | IndustryList | Problem
     """


    return (await asyncio_detailed(
        client=client,
level=level,
parent=parent,
if_none_match=if_none_match,

    )).parsed
