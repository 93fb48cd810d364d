from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.export_opportunities_format import ExportOpportunitiesFormat
from ...models.opportunity import Opportunity
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    format_: ExportOpportunitiesFormat | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

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


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/export/opportunities",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Opportunity | Problem | None:
    if response.status_code == 200:
        response_200 = Opportunity.from_dict(response.content)



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Opportunity | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    format_: ExportOpportunitiesFormat | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> Response[Opportunity | Problem]:
    """ Export cooperation opportunities

     For API keys with the `export` scope and administrators: every published opportunity of a
    published organisation (expired ones included, marked `expired`), as NDJSON (each as
    `GET /v1/opportunities/{id}` shows it) or CSV, streamed from one snapshot, optionally only
    those changed since `updated_since`. `X-Change-Position` names the change-log position it is
    consistent with.

    Args:
        format_ (ExportOpportunitiesFormat | Unset): The formats of an export.
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Opportunity | Problem]
     """


    kwargs = _get_kwargs(
        format_=format_,
updated_since=updated_since,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    format_: ExportOpportunitiesFormat | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> Opportunity | Problem | None:
    """ Export cooperation opportunities

     For API keys with the `export` scope and administrators: every published opportunity of a
    published organisation (expired ones included, marked `expired`), as NDJSON (each as
    `GET /v1/opportunities/{id}` shows it) or CSV, streamed from one snapshot, optionally only
    those changed since `updated_since`. `X-Change-Position` names the change-log position it is
    consistent with.

    Args:
        format_ (ExportOpportunitiesFormat | Unset): The formats of an export.
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Opportunity | Problem
     """


    return sync_detailed(
        client=client,
format_=format_,
updated_since=updated_since,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    format_: ExportOpportunitiesFormat | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> Response[Opportunity | Problem]:
    """ Export cooperation opportunities

     For API keys with the `export` scope and administrators: every published opportunity of a
    published organisation (expired ones included, marked `expired`), as NDJSON (each as
    `GET /v1/opportunities/{id}` shows it) or CSV, streamed from one snapshot, optionally only
    those changed since `updated_since`. `X-Change-Position` names the change-log position it is
    consistent with.

    Args:
        format_ (ExportOpportunitiesFormat | Unset): The formats of an export.
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Opportunity | Problem]
     """


    kwargs = _get_kwargs(
        format_=format_,
updated_since=updated_since,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    format_: ExportOpportunitiesFormat | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,

) -> Opportunity | Problem | None:
    """ Export cooperation opportunities

     For API keys with the `export` scope and administrators: every published opportunity of a
    published organisation (expired ones included, marked `expired`), as NDJSON (each as
    `GET /v1/opportunities/{id}` shows it) or CSV, streamed from one snapshot, optionally only
    those changed since `updated_since`. `X-Change-Position` names the change-log position it is
    consistent with.

    Args:
        format_ (ExportOpportunitiesFormat | Unset): The formats of an export.
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Opportunity | Problem
     """


    return (await asyncio_detailed(
        client=client,
format_=format_,
updated_since=updated_since,

    )).parsed
