from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.import_files import ImportFiles
from ...models.import_job import ImportJob
from ...models.problem import Problem
from ...models.start_import_json_body import StartImportJsonBody
from ...models.start_import_source import StartImportSource
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body:    StartImportJsonBody  |     str  |     ImportFiles  | Unset = UNSET,
    source: StartImportSource,
    dry_run: bool | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    params: dict[str, Any] = {}

    json_source = source.value
    params["source"] = json_source

    params["dry_run"] = dry_run


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/admin/imports",
        "params": params,
    }

    if isinstance(body, StartImportJsonBody):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, str):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/x-ndjson"
    if isinstance(body, ImportFiles):
        _kwargs["files"] = body.to_multipart()

        headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ImportJob | Problem | None:
    if response.status_code == 202:
        response_202 = ImportJob.from_dict(response.json())



        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 408:
        response_408 = Problem.from_dict(response.json())



        return response_408

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())



        return response_414

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ImportJob | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body:    StartImportJsonBody  |     str  |     ImportFiles  | Unset = UNSET,
    source: StartImportSource,
    dry_run: bool | Unset = UNSET,

) -> Response[ImportJob | Problem]:
    """ Start an import

     For administrators. The body is NDJSON (`application/x-ndjson`: one ARES subject or search
    result, or one OffeneRegister record, per line), one JSON document
    (`application/json`: an ARES subject or search result), or `multipart/form-data` with
    one or more files (`.jsonl`/`.ndjson` files are read by line, others as documents); at most
    64 MiB. The import runs in the background exactly as `partnernet import` does: poll the job
    at its `Location` until `status` is no longer `running`.

    Args:
        source (StartImportSource): The public register a profile was imported from.
        dry_run (bool | Unset):
        body (StartImportJsonBody):
        body (str):
        body (ImportFiles): One or more files, each in a part of its own, named in printable ASCII
            without `"` or `\\`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportJob | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
source=source,
dry_run=dry_run,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body:    StartImportJsonBody  |     str  |     ImportFiles  | Unset = UNSET,
    source: StartImportSource,
    dry_run: bool | Unset = UNSET,

) -> ImportJob | Problem | None:
    """ Start an import

     For administrators. The body is NDJSON (`application/x-ndjson`: one ARES subject or search
    result, or one OffeneRegister record, per line), one JSON document
    (`application/json`: an ARES subject or search result), or `multipart/form-data` with
    one or more files (`.jsonl`/`.ndjson` files are read by line, others as documents); at most
    64 MiB. The import runs in the background exactly as `partnernet import` does: poll the job
    at its `Location` until `status` is no longer `running`.

    Args:
        source (StartImportSource): The public register a profile was imported from.
        dry_run (bool | Unset):
        body (StartImportJsonBody):
        body (str):
        body (ImportFiles): One or more files, each in a part of its own, named in printable ASCII
            without `"` or `\\`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportJob | Problem
     """


    return sync_detailed(
        client=client,
body=body,
source=source,
dry_run=dry_run,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body:    StartImportJsonBody  |     str  |     ImportFiles  | Unset = UNSET,
    source: StartImportSource,
    dry_run: bool | Unset = UNSET,

) -> Response[ImportJob | Problem]:
    """ Start an import

     For administrators. The body is NDJSON (`application/x-ndjson`: one ARES subject or search
    result, or one OffeneRegister record, per line), one JSON document
    (`application/json`: an ARES subject or search result), or `multipart/form-data` with
    one or more files (`.jsonl`/`.ndjson` files are read by line, others as documents); at most
    64 MiB. The import runs in the background exactly as `partnernet import` does: poll the job
    at its `Location` until `status` is no longer `running`.

    Args:
        source (StartImportSource): The public register a profile was imported from.
        dry_run (bool | Unset):
        body (StartImportJsonBody):
        body (str):
        body (ImportFiles): One or more files, each in a part of its own, named in printable ASCII
            without `"` or `\\`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportJob | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
source=source,
dry_run=dry_run,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body:    StartImportJsonBody  |     str  |     ImportFiles  | Unset = UNSET,
    source: StartImportSource,
    dry_run: bool | Unset = UNSET,

) -> ImportJob | Problem | None:
    """ Start an import

     For administrators. The body is NDJSON (`application/x-ndjson`: one ARES subject or search
    result, or one OffeneRegister record, per line), one JSON document
    (`application/json`: an ARES subject or search result), or `multipart/form-data` with
    one or more files (`.jsonl`/`.ndjson` files are read by line, others as documents); at most
    64 MiB. The import runs in the background exactly as `partnernet import` does: poll the job
    at its `Location` until `status` is no longer `running`.

    Args:
        source (StartImportSource): The public register a profile was imported from.
        dry_run (bool | Unset):
        body (StartImportJsonBody):
        body (str):
        body (ImportFiles): One or more files, each in a part of its own, named in printable ASCII
            without `"` or `\\`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportJob | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
source=source,
dry_run=dry_run,

    )).parsed
