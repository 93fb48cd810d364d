from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.change_page import ChangePage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    after: int | Unset = 0,
    limit: int | Unset = 100,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["after"] = after

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/changes",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ChangePage | Problem | None:
    if response.status_code == 200:
        response_200 = ChangePage.from_dict(response.json())



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

    if response.status_code == 410:
        response_410 = Problem.from_dict(response.json())



        return response_410

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ChangePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    after: int | Unset = 0,
    limit: int | Unset = 100,

) -> Response[ChangePage | Problem]:
    """ Follow the changes

     For API keys with the `changes` scope and administrators: every create, update and delete
    of public companies, products, events and opportunities after position `after`, in commit
    order, each with the resource as it is now (a `delete` when it is gone or no longer
    public; drafts never appear). Start from an export's `X-Change-Position`, apply each page,
    and continue from its `next_after`: you end with exactly the platform's public data. The
    log keeps entries for `PARTNERNET_CHANGE_RETENTION_DAYS`; a client further behind gets
    `410` and exports again.

    Args:
        after (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangePage | Problem]
     """


    kwargs = _get_kwargs(
        after=after,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    after: int | Unset = 0,
    limit: int | Unset = 100,

) -> ChangePage | Problem | None:
    """ Follow the changes

     For API keys with the `changes` scope and administrators: every create, update and delete
    of public companies, products, events and opportunities after position `after`, in commit
    order, each with the resource as it is now (a `delete` when it is gone or no longer
    public; drafts never appear). Start from an export's `X-Change-Position`, apply each page,
    and continue from its `next_after`: you end with exactly the platform's public data. The
    log keeps entries for `PARTNERNET_CHANGE_RETENTION_DAYS`; a client further behind gets
    `410` and exports again.

    Args:
        after (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangePage | Problem
     """


    return sync_detailed(
        client=client,
after=after,
limit=limit,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    after: int | Unset = 0,
    limit: int | Unset = 100,

) -> Response[ChangePage | Problem]:
    """ Follow the changes

     For API keys with the `changes` scope and administrators: every create, update and delete
    of public companies, products, events and opportunities after position `after`, in commit
    order, each with the resource as it is now (a `delete` when it is gone or no longer
    public; drafts never appear). Start from an export's `X-Change-Position`, apply each page,
    and continue from its `next_after`: you end with exactly the platform's public data. The
    log keeps entries for `PARTNERNET_CHANGE_RETENTION_DAYS`; a client further behind gets
    `410` and exports again.

    Args:
        after (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangePage | Problem]
     """


    kwargs = _get_kwargs(
        after=after,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    after: int | Unset = 0,
    limit: int | Unset = 100,

) -> ChangePage | Problem | None:
    """ Follow the changes

     For API keys with the `changes` scope and administrators: every create, update and delete
    of public companies, products, events and opportunities after position `after`, in commit
    order, each with the resource as it is now (a `delete` when it is gone or no longer
    public; drafts never appear). Start from an export's `X-Change-Position`, apply each page,
    and continue from its `next_after`: you end with exactly the platform's public data. The
    log keeps entries for `PARTNERNET_CHANGE_RETENTION_DAYS`; a client further behind gets
    `410` and exports again.

    Args:
        after (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangePage | Problem
     """


    return (await asyncio_detailed(
        client=client,
after=after,
limit=limit,

    )).parsed
