from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.language import Language
from ...models.problem import Problem
from ...models.recommendations import Recommendations
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    id: str,
    *,
    lang: Language | Unset = UNSET,
    limit: int | Unset = 20,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_lang: str | Unset = UNSET
    if not isinstance(lang, Unset):
        json_lang = lang.value

    params["lang"] = json_lang

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/companies/{id}/recommendations".format(id=quote(str(id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Recommendations | None:
    if response.status_code == 200:
        response_200 = Recommendations.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Recommendations]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    lang: Language | Unset = UNSET,
    limit: int | Unset = 20,

) -> Response[Problem | Recommendations]:
    """ Recommended partners and opportunities

     For the organisation's members and administrators: organisations and open opportunities
    ranked by evidence (requests that match the organisation's products or activities, offers
    and organisations that answer its requests, suppliers of its activities, upcoming events it
    shares, the border and the distance), each with its reasons in the caller's language. The
    same data always gives the same order. See `docs/recommendations.md`.

    Args:
        id (str):
        lang (Language | Unset):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Recommendations]
     """


    kwargs = _get_kwargs(
        id=id,
lang=lang,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    lang: Language | Unset = UNSET,
    limit: int | Unset = 20,

) -> Problem | Recommendations | None:
    """ Recommended partners and opportunities

     For the organisation's members and administrators: organisations and open opportunities
    ranked by evidence (requests that match the organisation's products or activities, offers
    and organisations that answer its requests, suppliers of its activities, upcoming events it
    shares, the border and the distance), each with its reasons in the caller's language. The
    same data always gives the same order. See `docs/recommendations.md`.

    Args:
        id (str):
        lang (Language | Unset):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Recommendations
     """


    return sync_detailed(
        id=id,
client=client,
lang=lang,
limit=limit,

    ).parsed

async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    lang: Language | Unset = UNSET,
    limit: int | Unset = 20,

) -> Response[Problem | Recommendations]:
    """ Recommended partners and opportunities

     For the organisation's members and administrators: organisations and open opportunities
    ranked by evidence (requests that match the organisation's products or activities, offers
    and organisations that answer its requests, suppliers of its activities, upcoming events it
    shares, the border and the distance), each with its reasons in the caller's language. The
    same data always gives the same order. See `docs/recommendations.md`.

    Args:
        id (str):
        lang (Language | Unset):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Recommendations]
     """


    kwargs = _get_kwargs(
        id=id,
lang=lang,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    lang: Language | Unset = UNSET,
    limit: int | Unset = 20,

) -> Problem | Recommendations | None:
    """ Recommended partners and opportunities

     For the organisation's members and administrators: organisations and open opportunities
    ranked by evidence (requests that match the organisation's products or activities, offers
    and organisations that answer its requests, suppliers of its activities, upcoming events it
    shares, the border and the distance), each with its reasons in the caller's language. The
    same data always gives the same order. See `docs/recommendations.md`.

    Args:
        id (str):
        lang (Language | Unset):
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Recommendations
     """


    return (await asyncio_detailed(
        id=id,
client=client,
lang=lang,
limit=limit,

    )).parsed
