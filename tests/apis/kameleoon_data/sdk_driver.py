"""Drive Kameleoon's own Python SDK (kameleoon-client-python) against a server on 127.0.0.1.

    python tests/apis/kameleoon_data/sdk_driver.py http://127.0.0.1:PORT SITE_CODE

Points the SDK's URL templates (kameleoon.network.url_provider.UrlProvider) at the server, makes
it send every kind of data it can track, flushes, and exits. The SDK keeps background threads, so
callers run this in a subprocess with a timeout; it ends itself with os._exit.
"""

from __future__ import annotations

import os
import sys
import time


def point_sdk_at(host: str) -> None:
    from kameleoon.network.url_provider import UrlProvider

    UrlProvider.DEFAULT_DATA_API_DOMAIN = host
    UrlProvider.DEFAULT_EVENTS_DOMAIN = host
    UrlProvider.DEFAULT_CONFIGURATION_DOMAIN = host
    UrlProvider.DEFAULT_ACCESS_TOKEN_DOMAIN = host
    UrlProvider._DATA_API_URL_FORMAT = "http://{0}{1}?{2}"
    UrlProvider._CONFIGURATION_API_URL_FORMAT = "http://{0}/v3/{1}"
    UrlProvider._ACCESS_TOKEN_URL_FORMAT = "http://{0}/oauth/token"
    UrlProvider._RT_CONFIGURATION_URL_FORMAT = "http://{0}/sse?{1}"


def drive(url: str, site_code: str) -> None:
    point_sdk_at(url.removeprefix("http://"))
    from kameleoon import KameleoonClientConfig, KameleoonClientFactory
    from kameleoon.data import (
        Browser,
        BrowserType,
        Conversion,
        CustomData,
        Device,
        DeviceType,
        Geolocation,
        OperatingSystem,
        OperatingSystemType,
        PageView,
        UserAgent,
    )

    config = KameleoonClientConfig(
        client_id="test-client-id",
        client_secret="test-client-secret",
        tracking_interval_millisecond=500,
        default_timeout_millisecond=5000,
        refresh_interval_minute=60,
    )
    client = KameleoonClientFactory.create(site_code, config)
    client.wait_init(5000)
    visitor = "visitor-sdk-1"
    client.add_data(
        visitor,
        UserAgent("Mozilla/5.0 (X11; Linux x86_64) contracts-test/1.0"),
        Browser(BrowserType.CHROME, 120.5),
        Device(DeviceType.DESKTOP),
        OperatingSystem(OperatingSystemType.WINDOWS),
        Geolocation("France", "Île-de-France", "Paris", "75001", 48.8566, 2.3522),
        CustomData(0, "plain", "a&b=c d", "ünï/cödé"),
        PageView("https://www.example.com/path?q=1&r=two words#frag", "Title & co = ok", [3, 5]),
        Conversion(7, 12.5, False),
    )
    client.flush(visitor, instant=True)
    client.track_conversion("visitor-sdk-2", 8, 24.99, negative=True)
    client.flush("visitor-sdk-3", instant=True)  # nothing to send: the SDK's `activity` event
    time.sleep(2.5)


if __name__ == "__main__":
    try:
        drive(sys.argv[1], sys.argv[2])
    finally:
        sys.stdout.flush()
        os._exit(0)
