from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.api_key_usage import ApiKeyUsage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    id: str,
    key_id: str,
    *,
    days: int | Unset = 30,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["days"] = days


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/companies/{id}/api-keys/{key_id}/usage".format(id=quote(str(id), safe=""),key_id=quote(str(key_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ApiKeyUsage | Problem | None:
    if response.status_code == 200:
        response_200 = ApiKeyUsage.from_dict(response.json())



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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ApiKeyUsage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    key_id: str,
    *,
    client: AuthenticatedClient,
    days: int | Unset = 30,

) -> Response[ApiKeyUsage | Problem]:
    """ Read an API key's usage

     For members and administrators: the key's requests per day (UTC) and its last use. Every
    server adds its counts every few seconds, so requests to other servers of the last seconds
    may be missing.

    Args:
        id (str):
        key_id (str):
        days (int | Unset):  Default: 30.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKeyUsage | Problem]
     """


    kwargs = _get_kwargs(
        id=id,
key_id=key_id,
days=days,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: str,
    key_id: str,
    *,
    client: AuthenticatedClient,
    days: int | Unset = 30,

) -> ApiKeyUsage | Problem | None:
    """ Read an API key's usage

     For members and administrators: the key's requests per day (UTC) and its last use. Every
    server adds its counts every few seconds, so requests to other servers of the last seconds
    may be missing.

    Args:
        id (str):
        key_id (str):
        days (int | Unset):  Default: 30.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKeyUsage | Problem
     """


    return sync_detailed(
        id=id,
key_id=key_id,
client=client,
days=days,

    ).parsed

async def asyncio_detailed(
    id: str,
    key_id: str,
    *,
    client: AuthenticatedClient,
    days: int | Unset = 30,

) -> Response[ApiKeyUsage | Problem]:
    """ Read an API key's usage

     For members and administrators: the key's requests per day (UTC) and its last use. Every
    server adds its counts every few seconds, so requests to other servers of the last seconds
    may be missing.

    Args:
        id (str):
        key_id (str):
        days (int | Unset):  Default: 30.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKeyUsage | Problem]
     """


    kwargs = _get_kwargs(
        id=id,
key_id=key_id,
days=days,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: str,
    key_id: str,
    *,
    client: AuthenticatedClient,
    days: int | Unset = 30,

) -> ApiKeyUsage | Problem | None:
    """ Read an API key's usage

     For members and administrators: the key's requests per day (UTC) and its last use. Every
    server adds its counts every few seconds, so requests to other servers of the last seconds
    may be missing.

    Args:
        id (str):
        key_id (str):
        days (int | Unset):  Default: 30.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKeyUsage | Problem
     """


    return (await asyncio_detailed(
        id=id,
key_id=key_id,
client=client,
days=days,

    )).parsed
