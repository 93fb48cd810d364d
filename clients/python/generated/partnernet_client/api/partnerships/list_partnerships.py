from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_partnerships_direction import ListPartnershipsDirection
from ...models.list_partnerships_status import ListPartnershipsStatus
from ...models.page_partnership import PagePartnership
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    status: ListPartnershipsStatus | Unset = UNSET,
    direction: ListPartnershipsDirection | Unset = UNSET,
    counterpart: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_direction: str | Unset = UNSET
    if not isinstance(direction, Unset):
        json_direction = direction.value

    params["direction"] = json_direction

    params["counterpart"] = counterpart

    params["limit"] = limit

    params["cursor"] = cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/partnerships",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PagePartnership | Problem | None:
    if response.status_code == 200:
        response_200 = PagePartnership.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PagePartnership | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: ListPartnershipsStatus | Unset = UNSET,
    direction: ListPartnershipsDirection | Unset = UNSET,
    counterpart: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[PagePartnership | Problem]:
    """ The caller's partnerships

     Of every organisation the caller is a member of, in the order they were proposed, each
    with its thread.

    Args:
        status (ListPartnershipsStatus | Unset):
        direction (ListPartnershipsDirection | Unset): Which way a proposal went, seen from the
            caller's organisations.
        counterpart (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePartnership | Problem]
     """


    kwargs = _get_kwargs(
        status=status,
direction=direction,
counterpart=counterpart,
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
    status: ListPartnershipsStatus | Unset = UNSET,
    direction: ListPartnershipsDirection | Unset = UNSET,
    counterpart: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> PagePartnership | Problem | None:
    """ The caller's partnerships

     Of every organisation the caller is a member of, in the order they were proposed, each
    with its thread.

    Args:
        status (ListPartnershipsStatus | Unset):
        direction (ListPartnershipsDirection | Unset): Which way a proposal went, seen from the
            caller's organisations.
        counterpart (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePartnership | Problem
     """


    return sync_detailed(
        client=client,
status=status,
direction=direction,
counterpart=counterpart,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: ListPartnershipsStatus | Unset = UNSET,
    direction: ListPartnershipsDirection | Unset = UNSET,
    counterpart: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> Response[PagePartnership | Problem]:
    """ The caller's partnerships

     Of every organisation the caller is a member of, in the order they were proposed, each
    with its thread.

    Args:
        status (ListPartnershipsStatus | Unset):
        direction (ListPartnershipsDirection | Unset): Which way a proposal went, seen from the
            caller's organisations.
        counterpart (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PagePartnership | Problem]
     """


    kwargs = _get_kwargs(
        status=status,
direction=direction,
counterpart=counterpart,
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
    status: ListPartnershipsStatus | Unset = UNSET,
    direction: ListPartnershipsDirection | Unset = UNSET,
    counterpart: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,

) -> PagePartnership | Problem | None:
    """ The caller's partnerships

     Of every organisation the caller is a member of, in the order they were proposed, each
    with its thread.

    Args:
        status (ListPartnershipsStatus | Unset):
        direction (ListPartnershipsDirection | Unset): Which way a proposal went, seen from the
            caller's organisations.
        counterpart (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PagePartnership | Problem
     """


    return (await asyncio_detailed(
        client=client,
status=status,
direction=direction,
counterpart=counterpart,
limit=limit,
cursor=cursor,

    )).parsed
