"""LaunchDarkly REST API, `POST /api/v2/segments/{projectKey}/{environmentKey}`."""

from ...vendor import Api

API = Api(
    name="launchdarkly",
    title="LaunchDarkly REST API",
    package=__name__,
    editions={"current": "specs/launchdarkly.yaml"},
)
