"""One rule says what is secret (contracts.secrecy), and the journal, the HAR writer, verify and
the curl printer all follow it: a fifth API's credential header is hidden everywhere, whether its
name says so (`api-key`, `*-token`) or only its spec's `apiKey` security scheme does."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from contracts.journal import REDACTED, redact_headers
from contracts.registry import load_spec
from contracts.secrecy import is_secret_header
from contracts.transport import curl_for

SPEC = """
openapi: 3.0.3
info: {title: Acme, version: '1'}
paths: {}
components:
  securitySchemes:
    signature: {type: apiKey, in: header, name: X-Acme-Signature}
"""


@pytest.mark.parametrize(
    "name",
    [
        "Authorization",
        "cookie",
        "Set-Cookie",
        "api-key",
        "X-Api-Key",
        "x-cap-api-oauth-token",
        "X-Auth-Token",
        "client-secret",
    ],
)
def test_credential_headers_are_secret_by_name(name: str) -> None:
    assert is_secret_header(name)


@pytest.mark.parametrize("name", ["content-type", "user-agent", "x-contract-rules", "accept"])
def test_ordinary_headers_are_not(name: str) -> None:
    assert not is_secret_header(name)


def test_a_header_is_secret_once_a_spec_names_it_in_an_api_key_scheme(tmp_path: Path) -> None:
    assert not is_secret_header("X-Acme-Signature")
    path = tmp_path / "acme.yaml"
    path.write_text(SPEC, encoding="utf-8")
    load_spec(path)
    assert is_secret_header("x-acme-signature")


def test_the_curl_printer_and_the_journal_hide_a_fifth_apis_key() -> None:
    headers = {"api-key": "sk-live-123", "Content-Type": "application/json"}
    request = requests.Request("POST", "http://127.0.0.1:1/x", headers=headers, data=b"{}")
    curl = curl_for(request.prepare())
    assert "sk-live-123" not in curl and "api-key: [Filtered]" in curl
    assert redact_headers(headers) == {"api-key": REDACTED, "content-type": "application/json"}
