"""LaunchDarkly REST API, `POST /api/v2/segments/{projectKey}/{environmentKey}`."""

from ...api import Api

API = Api(
    name="launchdarkly",
    title="LaunchDarkly REST API",
    package=__name__,
    editions={"current": "launchdarkly"},
)
