"""The `contracts` command."""

from __future__ import annotations

import functools
import json
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click

from .errors import ContractsError
from .registry import all_apis

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table


@functools.cache
def console() -> Console:
    """The commands' console, made on first use: rich is a good part of the start-up, and
    `contracts validate` prints a clean verdict without it (`contracts.plain_output`)."""
    from rich.console import Console

    return Console()


class ContractsGroup(click.Group):
    """Turns the errors users can cause (`contracts.errors.ContractsError`: an unknown API, an
    unreadable spec, a vendor folder that breaks the interface) into one clear line; anything
    else is a bug and keeps its traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ContractsError as error:
            failure = type("Failure", (click.ClickException,), {"exit_code": error.exit_code})
            raise failure(str(error)) from None


@click.group(cls=ContractsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="contracts")
def main() -> None:
    """Contracts, payloads, mocks and checks for the registered vendor APIs."""


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def specs(as_json: bool) -> None:
    """List the APIs, their spec editions and operations."""
    rows: list[dict[str, Any]] = []
    for api in all_apis():
        for edition in api.editions:
            spec = api.spec(edition)
            rows.append(
                {
                    "api": api.name,
                    "edition": edition,
                    "default": edition == api.default_edition,
                    "spec": str(spec.path),
                    "page": spec.page,
                    "operations": [
                        {
                            "method": op.method.upper(),
                            "path": op.path,
                            "operationId": op.operation_id,
                        }
                        for op in spec.operations()
                    ],
                }
            )
    if as_json:
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    from rich.table import Table

    table = Table(title="contracts: specs")
    for column in ("API", "edition", "spec", "operation", "page"):
        table.add_column(column)
    for row in rows:
        edition = row["edition"] + (" (default)" if row["default"] else "")
        operations = "\n".join(f"{op['method']} {op['path']}" for op in row["operations"])
        table.add_row(row["api"], edition, row["spec"], operations, row["page"])
    console().print(table)


def _parse_settings(values: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    settings: dict[str, dict[str, Any]] = {}
    for item in values:
        name, sep, raw = item.partition("=")
        api, dot, key = name.partition(".")
        if not sep or not dot:
            raise click.BadParameter(f"{item!r}: expected API.KEY=VALUE", param_hint="--setting")
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            value = raw  # a bare word is a string
        settings.setdefault(api, {})[key] = value
    return settings


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8080, show_default=True, type=int)
@click.option("--api", "apis", multiple=True, help="Serve only this API (repeatable).")
@click.option("--strict", is_flag=True, help="Answer body violations with 400 and their list.")
@click.option(
    "--db", type=click.Path(dir_okay=False), help="SQLite store file (default: temporary)."
)
@click.option("--workers", default=1, show_default=True, type=int, help="uvicorn worker processes.")
@click.option(
    "--setting",
    "settings",
    multiple=True,
    metavar="API.KEY=VALUE",
    help="A mock setting, VALUE in JSON (repeatable): launchdarkly.rate_limit=5.",
)
@click.option(
    "--spec",
    "spec_files",
    multiple=True,
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Serve this OpenAPI file as the whole contract instead (repeatable).",
)
@click.option(
    "--token",
    help="Accept only these credentials, mapped per API as `check --token` sends them "
    "(or CONTRACTS_TOKEN[_<API>]); default: any credentials.",
)
@click.option("--admin-token", help="Token /_contracts/* requires (generated beyond loopback).")
@click.option(
    "--list-answers",
    is_flag=True,
    help="List each API's documented errors, by the names tests choose them with, and exit.",
)
def mock(
    host: str,
    port: int,
    apis: tuple[str, ...],
    strict: bool,
    db: str | None,
    workers: int,
    settings: tuple[str, ...],
    spec_files: tuple[str, ...],
    token: str | None,
    admin_token: str | None,
    list_answers: bool,
) -> None:
    """Serve the mock servers of the APIs on one port (or of each --spec file: requests checked
    against the spec, answers from its examples or its schemas).

    A test chooses an answer per request: `Prefer: code=429` or `Prefer: example=NAME` on the
    request, or POST /_contracts/answers {api, status | error, times, delay, drop}."""
    from .control import admin_token_for
    from .handlers import MockConfig
    from .mock import serve, served_apis

    if spec_files and apis:
        raise click.UsageError("--spec serves the spec alone: name no --api with it")
    served: list[Any]
    if spec_files:
        from .spec_api import load_spec_api

        served = [load_spec_api(path) for path in spec_files]
    else:
        served = served_apis(MockConfig(apis))
    if list_answers:
        _list_answers(served)
        return
    config = MockConfig(apis, strict, db).with_db()
    merged = _mock_settings(served, _tokens(served, token, fallback=None))
    for api, values in _parse_settings(settings).items():  # --setting wins over --token
        merged.setdefault(api, {}).update(values)
    guard = admin_token_for(host, admin_token)
    config = MockConfig(config.apis, strict, config.db, merged, guard)
    names = ", ".join(api.name for api in served) or "(no API has a mock yet)"
    console().print(f"[bold]contracts mock[/] serving {names} on http://{host}:{port}")
    console().print(f"journal: http://{host}:{port}/_contracts/journal   store: {config.db}")
    _print_admin(host, guard, admin_token)
    serve(config, host, port, workers, spec_files)


@main.command()
@click.option("--upstream", required=True, help="The server to forward to (the mock, a sandbox).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8081, show_default=True, type=int)
@click.option("--api", "apis", multiple=True, help="Check against this API only (repeatable).")
@click.option("--edition", help="Spec edition for APIs that have several (default: their first).")
@click.option("--record", type=click.Path(dir_okay=False), help="Write the traffic as HAR here.")
@click.option("--strict", is_flag=True, help="Answer a request breaking an error rule with 400.")
@click.option("--live", is_flag=True, help="Allow an --upstream that is not on this machine.")
@click.option("--db", type=click.Path(dir_okay=False), help="Journal store file (default: temp).")
@click.option("--admin-token", help="Token /_contracts/* requires (generated beyond loopback).")
def proxy(
    upstream: str,
    host: str,
    port: int,
    apis: tuple[str, ...],
    edition: str | None,
    record: str | None,
    strict: bool,
    live: bool,
    db: str | None,
    admin_token: str | None,
) -> None:
    """A validating proxy: forwards every request to --upstream and its answer back unchanged,
    checking both against the contracts; violations in x-contract-* headers and the journal,
    the traffic as HAR with --record (for `contracts verify`)."""
    from .control import admin_token_for
    from .proxy import ProxyConfig, serve_proxy
    from .transport import is_loopback
    from .verify import selected_apis

    if not is_loopback(upstream) and not live:
        raise click.UsageError(
            f"{upstream} is not on this machine: proxying to a live server needs --live"
        )
    served = selected_apis(apis, edition)
    token = admin_token_for(host, admin_token)
    config = ProxyConfig(upstream, apis, edition, strict, db, record, token)
    names = ", ".join(api.name for api in served)
    console().print(f"[bold]contracts proxy[/] http://{host}:{port} -> {upstream} ({names})")
    _print_admin(host, token, admin_token)
    serve_proxy(config, host, port)


def _print_admin(host: str, token: str | None, given: str | None) -> None:
    if token and not given:  # generated: the only place it is shown
        console().print(
            f"{host} is reachable beyond this machine: /_contracts/* needs the header "
            f"'X-Contracts-Admin: {token}'",
            highlight=False,
        )


def _list_answers(apis: list[Any]) -> None:
    from rich.table import Table

    from .answers import documented

    table = Table(title="documented answers (Prefer: example=NAME, or answer(api, error=NAME))")
    for column in ("API", "name", "status", "documented at"):
        table.add_column(column)
    for api in apis:
        for name, answer in documented(api).items():
            table.add_row(api.name, name, str(answer.status), answer.doc)
    console().print(table)


@main.command()
@click.argument("old")
@click.argument("new")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown", "json", "changelog"]),
    default="text",
    show_default=True,
    help="changelog: markdown release notes grouped by level.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["ERR", "WARN", "NONE"], case_sensitive=False),
    default="ERR",
    show_default=True,
    help="Exit 1 when a change reaches this level (NONE: report only).",
)
@click.option(
    "--ignore",
    "ignore_file",
    metavar="FILE",
    help="Accepted changes, one a line: KIND [METHOD /path] LOCATION # REASON.",
)
@click.option(
    "--deprecation-days",
    type=click.IntRange(min=0),
    help="Removing what was deprecated this long (x-sunset passed, or x-deprecation-date N "
    "days old) is a WARN, not an ERR; a sunset set nearer than N days is a WARN.",
)
def diff(
    old: str,
    new: str,
    output_format: str,
    fail_on: str,
    ignore_file: str | None,
    deprecation_days: int | None,
) -> None:
    """List what changed from spec OLD to spec NEW, each change levelled for a client: ERR breaks
    clients, WARN may, INFO does not. A spec is an edition's name, a path (YAML or JSON, OpenAPI
    3.0 or 3.1, $refs to local files), or REF:PATH at a git revision (`git show`, e.g.
    `main:specs/api.yaml`).

    Exit status: 0; 1 when a change reaches --fail-on; 2 when a spec (or the --ignore file)
    cannot be read; 3 when the comparison itself fails (a bug: please report it)."""
    from rich.console import Console

    from .diff import (
        IgnoreFileError,
        Level,
        Options,
        SpecLoadError,
        diff_specs,
        fails,
        ignoring,
        load,
        render_changelog,
        render_json,
        render_markdown,
        render_text,
        rule_changes,
    )

    class UnreadableSpec(click.ClickException):
        exit_code = 2  # not 1: CI tells a broken input from a breaking change

    class ComparisonFailed(click.ClickException):
        exit_code = 3  # not 1 either: a crash is no breaking change

    try:
        accepted = ignoring.read(ignore_file) if ignore_file else []
        old_spec, new_spec = load(old), load(new)
    except (SpecLoadError, IgnoreFileError) as error:
        raise UnreadableSpec(str(error)) from None
    try:
        found = diff_specs(old_spec, new_spec, Options(deprecation_days=deprecation_days))
        found += rule_changes(old_spec, new_spec)  # the rule books of one API's editions
    except Exception as error:  # one line, never a traceback
        raise ComparisonFailed(f"comparing {old} with {new} failed: {error!r}"[:300]) from None
    changes, ignored, unused = ignoring.split(found, accepted)
    for entry in unused:
        click.echo(f"note: {ignore_file}:{entry.line} matched no change", err=True)
    if output_format == "json":
        click.echo(render_json(changes))
    elif output_format == "markdown":
        click.echo(render_markdown(changes, old, new))
    elif output_format == "changelog":
        click.echo(render_changelog(changes, old, new, len(ignored)), nl=False)
    else:
        out = Console(highlight=False, soft_wrap=True)
        for line in render_text(changes, old, new):
            out.print(line)
        if ignored:
            out.print(f"{len(ignored)} accepted change(s) left out (--ignore {ignore_file})")
    threshold = None if fail_on.upper() == "NONE" else Level(fail_on.upper())
    if fails(changes, threshold):
        sys.exit(1)


@main.command()
@click.argument("arguments", metavar="[API] FILE", nargs=-1, required=True)
@click.option("--edition", help="Spec edition (default: the API's first, e.g. current).")
@click.option("--query", default="", help="The request's query string, e.g. 'visitorCode=v1'.")
@click.option(
    "--json", "json_form", is_flag=True, help="The body is the JSON-array form (json=true)."
)
@click.option(
    "--header", "headers", multiple=True, metavar="'NAME: VALUE'", help="A request header."
)
@click.option("--path", help="The request path (default: the spec's operation path).")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text")
@click.option(
    "--spec",
    "spec_file",
    type=click.Path(dir_okay=False),
    help="Check against this OpenAPI file instead of a registered API (no API then).",
)
@click.option("--operation", "operation_id", metavar="OPERATION_ID",
              help="The operation the body is for (needed when the spec has several).")  # fmt: skip
def validate(
    arguments: tuple[str, ...],
    edition: str | None,
    query: str,
    json_form: bool,
    headers: tuple[str, ...],
    path: str | None,
    output: str,
    spec_file: str | None,
    operation_id: str | None,
) -> None:
    """Check a request body (FILE, or - for stdin) against an API's contract, offline.

    `contracts validate API FILE`, or `contracts validate --spec SPEC [--operation ID] FILE`.
    Prints each violation with its line (line-per-event bodies), field, rule and page line (for a
    --spec, the spec file and JSON pointer); exits 1 when any is an error, 0 when there are only
    warnings.
    """
    from .exchange import HttpRequest
    from .registry import get_api
    from .violations import Severity

    expected = 1 if spec_file else 2
    if len(arguments) != expected:
        shape = "--spec SPEC FILE" if spec_file else "API FILE"
        raise click.UsageError(f"expected {shape}, got {len(arguments)} argument(s)")
    if spec_file:
        from .spec_api import load_spec_api

        api: Any = load_spec_api(spec_file)
    else:
        api = get_api(arguments[0])
    body_file = click.open_file(arguments[-1], "rb")
    rules = api.rules()
    spec = api.spec(edition)
    operations = spec.operations()
    if operation_id:
        chosen = [op for op in operations if op.operation_id == operation_id]
        if not chosen:
            known = ", ".join(op.operation_id for op in operations)
            raise click.BadParameter(f"no operation {operation_id!r} (known: {known})",
                                     param_hint="--operation")  # fmt: skip
        operation = chosen[0]
    elif len(operations) == 1 or not spec_file:
        operation = operations[0]
    else:
        known = ", ".join(op.operation_id for op in operations)
        raise click.UsageError(f"the spec has several operations: choose one with --operation "
                               f"({known})")  # fmt: skip
    header_map: dict[str, str] = {}
    for header in headers:
        name, sep, value = header.partition(":")
        if not sep:
            raise click.BadParameter(f"{header!r}: expected 'NAME: VALUE'", param_hint="--header")
        header_map[name.strip()] = value.strip()
    # Credentials are not in a file: a stand-in in the scheme's form, unless --header gives them
    # (so a missing or malformed key is judged only when the user sends one).
    checks = api.checks()
    given = {name.lower() for name in header_map}
    if checks is not None and not spec_file:
        stand_in = checks.credentials(OFFLINE_TOKEN)
        header_map |= {k: v for k, v in stand_in.items() if k.lower() not in given}
    if spec_file:
        header_map.setdefault("Content-Type", "application/json")
    if json_form:
        query = f"{query}&json=true" if query else "json=true"
    for name, value in rules.offline_query.items():  # what the URL carries, not the file
        if f"{name}=" not in query:
            query = f"{name}={value}&{query}" if query else f"{name}={value}"
    if path is None:
        path = operation.path
        if checks is not None:  # fill the template as `contracts check` does: it breaks nothing
            for name, value in checks.path_parameters.items():
                path = path.replace("{" + name + "}", value)
    if checks is not None and "content-type" not in given:  # the form `check` would send it in
        from urllib.parse import parse_qsl

        from .samples import Sample

        form = Sample(None, query=dict(parse_qsl(query, keep_blank_values=True)))
        header_map.setdefault("Content-Type", checks.media_type(form))
    request = HttpRequest.build(operation.method, path, query, header_map, body_file.read())
    try:
        violations = rules.check_request(request, edition)
    except RecursionError:  # a rule book that recurses with the body: still a clear verdict
        from .violations import Violation

        too_deep = Violation("json", "body", "is nested too deeply to be read", spec.doc())
        violations = [too_deep]
    error_count = sum(v.severity is Severity.ERROR for v in violations)
    if output == "json":
        json.dump([v.to_dict() for v in violations], sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        from .plain_output import plain_line_fits

        name = body_file.name
        clean = f"{name}: valid (0 errors, 0 warnings)"
        if not violations and plain_line_fits(clean):
            sys.stdout.write(clean + "\n")  # what rich would print here, without loading it
            sys.exit(0)
        from rich.markup import escape

        for violation in violations:
            colour = "red" if violation.severity is Severity.ERROR else "yellow"
            text = f"{name}: [{colour}]{violation.severity}[/] {escape(str(violation))}"
            console().print(text, highlight=False, soft_wrap=True)
        warnings = len(violations) - error_count
        verdict = "[red]invalid[/]" if error_count else "[green]valid[/]"
        console().print(f"{name}: {verdict} ({error_count} errors, {warnings} warnings)")
    sys.exit(1 if error_count else 0)


@main.command()
@click.argument("traffic_file", metavar="FILE")
@click.option("--api", "api_names", multiple=True, help="Check against this API only (repeatable).")
@click.option("--edition", help="Spec edition for APIs that have several (default: their first).")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text")
@click.option("--spec", "spec_file", type=click.Path(dir_okay=False),
              help="Check against this OpenAPI file instead of the registered APIs.")  # fmt: skip
@click.option(
    "--report",
    "report_dir",
    type=click.Path(file_okay=False),
    help="Write report.html and report.json (coverage rule by rule, with page lines) here.",
)
def verify(
    traffic_file: str,
    api_names: tuple[str, ...],
    edition: str | None,
    output: str,
    spec_file: str | None,
    report_dir: str | None,
) -> None:
    """Check recorded traffic (FILE: a HAR file, or a mock's journal export from GET
    /_contracts/journal) against the contracts: every request and response of a known operation,
    with violations, undocumented extensions (warnings) and coverage.

    Exit status: 0; 1 when any error; 2 when FILE cannot be read or an option names nothing."""
    from contextlib import ExitStack

    from rich.console import Console

    from .har import TrafficError
    from .verify import render_json, render_text, verify_file

    class UnreadableInput(click.ClickException):
        exit_code = 2  # not 1: CI tells broken input from traffic that breaks a contract

    from pathlib import Path

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    apis: list[Any] | None = None
    if spec_file:
        from .spec_api import load_spec_api

        if api_names or edition:
            raise click.UsageError("--spec checks against the spec alone: no --api or --edition")
        apis = [load_spec_api(spec_file)]
    err = Console(stderr=True)  # progress beside the output, not in it (--format json)
    bar = Progress(TextColumn("verify"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[errors]} errors"), console=err,
                   transient=True)  # fmt: skip
    task = bar.add_task("verify", total=None, errors=0)

    def progress(done: int, total: int, errors: int) -> None:
        bar.update(task, completed=done, total=total, errors=errors)

    try:
        with bar if err.is_terminal else ExitStack():
            report = verify_file(traffic_file, api_names, edition, apis, progress)
    except (TrafficError, KeyError) as error:
        raise UnreadableInput(str(error.args[0] if error.args else error)) from None
    if output == "json":
        click.echo(render_json(report))
    else:
        render_text(report, Console(highlight=False, soft_wrap=True))
    if report_dir:
        from .verify_report import write_verify_reports

        for path in write_verify_reports(report, Path(report_dir)):
            err.print(f"wrote {path}", highlight=False)
    if report.errors:
        sys.exit(1)


OFFLINE_TOKEN = "contracts-validate-offline"  # stands in for credentials a file does not carry


def _tokens(
    apis: list[Any], token: str | None, fallback: str | None = "contracts-check-token"
) -> dict[str, str]:
    """Per API: CONTRACTS_TOKEN_<API> (e.g. CONTRACTS_TOKEN_LAUNCHDARKLY), else --token, else
    CONTRACTS_TOKEN, else `fallback` (a test token, fine for the embedded mock). With no fallback,
    an API given no token is left out (`contracts mock` then accepts any credentials for it)."""
    import os

    default = token or os.environ.get("CONTRACTS_TOKEN") or fallback
    found = {}
    for api in apis:
        variable = "CONTRACTS_TOKEN_" + api.name.upper().replace("-", "_")
        chosen = os.environ.get(variable) or default
        if chosen:
            found[api.name] = chosen
    return found


def _mock_settings(apis: list[Any], tokens: dict[str, str]) -> dict[str, dict[str, Any]]:
    """The mock settings that make each API's mock accept exactly its token, in the form its
    checks room says (`ChecksRoom.mock_settings`): the one mapping `check` and `mock` share."""
    settings: dict[str, dict[str, Any]] = {}
    for api in apis:
        room = api.checks()
        if room is not None and api.name in tokens:
            settings[api.name] = dict(room.mock_settings(tokens[api.name]))
    return settings


def _room(api: Any) -> Any:
    room = api.checks()
    if room is None:
        raise click.ClickException(
            f"{api.name} has no checks.py: `contracts check` cannot drive it"
        )
    return room


def _check_options(func: Any) -> Any:
    options = [
        click.argument("api_names", metavar="[API]...", nargs=-1),
        click.option("--url", help="Check this server instead of the embedded mock."),
        click.option("--token", help="Credentials for every API (or CONTRACTS_TOKEN[_<API>])."),
        click.option("--live", is_flag=True, help="Allow a --url that is not on this machine."),
        click.option(
            "--rate-limit",
            help="Requests per second (live default 2), or `auto`: also follow the server's "
            "X-Ratelimit-* headers. A 429/503 with Retry-After is always waited out and retried.",
        ),
        click.option(
            "--baseline",
            type=click.Path(dir_okay=False, exists=True),
            help="report.json of an earlier run: exit 1 only for failures it does not list.",
        ),
        click.option(
            "--negative/--no-negative",
            default=None,
            help="Send invalid data (default: yes, but no with --live).",
        ),
        click.option(
            "--param",
            "params",
            multiple=True,
            metavar="NAME=VALUE",
            help="A path parameter (e.g. projectKey=my-project).",
        ),
        click.option(
            "--report",
            "report_dir",
            type=click.Path(file_okay=False),
            help="Write junit.xml, report.html and report.json here.",
        ),
        click.option("--seed", default=0, show_default=True, type=int),
        click.option(
            "--workers",
            default=None,
            help="Worker processes (a number, or auto = the machine's cores), at most one per "
            "API; same findings. Default: check, auto against a server on this machine (1 with "
            "--live or --spec); fuzz, 1.",
        ),
        click.option("--spec", "spec_file", type=click.Path(dir_okay=False),
                     help="Check against this OpenAPI file as the whole contract (no API then)."),
    ]  # fmt: skip
    for option in reversed(options):
        func = option(func)
    return func


@dataclass(frozen=True)
class _Plan:
    """What `check` and `fuzz` share: the APIs, their credentials and how careful to be."""

    apis: list[Any]
    tokens: dict[str, str]
    path_parameters: dict[str, str]
    live: bool
    rate_limit: float | None
    rate_limit_auto: bool
    phases: tuple[str, ...]
    from_spec: bool = False  # the APIs are spec files read as whole contracts

    def options(self, url: str, max_examples: int, seed: int, database: Any = None) -> Any:
        from .runner import CheckOptions

        return CheckOptions(
            base_url=url, tokens=self.tokens, max_examples=max_examples, seed=seed,
            phases=self.phases, live=self.live, shrink=not self.live,
            rate_limit=self.rate_limit, rate_limit_auto=self.rate_limit_auto,
            database=database, path_parameters=self.path_parameters,
        )  # fmt: skip


def _plan(
    api_names: tuple[str, ...],
    url: str | None,
    token: str | None,
    live: bool,
    rate_limit_text: str | None,
    negative: bool | None,
    params: tuple[str, ...],
    spec_file: str | None = None,
) -> _Plan:
    from .registry import all_apis, get_api
    from .runner import NEGATIVE_PHASES, PHASES, is_loopback

    if spec_file and api_names:
        raise click.UsageError("--spec checks the spec alone: name no API with it")
    if spec_file:
        from .spec_api import load_spec_api

        apis: list[Any] = [load_spec_api(spec_file)]
    else:
        apis = [get_api(name) for name in api_names] or [a for a in all_apis() if a.checks()]
    if url and not is_loopback(url) and not live:
        raise click.UsageError(
            f"{url} is not on this machine: checking a live server needs --live (it is rate "
            "limited and sends no invalid data unless --negative)"
        )
    path_params = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"{item!r}: expected NAME=VALUE", param_hint="--param")
        path_params[name] = value
    auto = rate_limit_text == "auto"
    try:
        rate_limit = None if rate_limit_text in (None, "auto") else float(str(rate_limit_text))
    except ValueError:
        raise click.BadParameter(
            f"{rate_limit_text!r}: a number of requests per second, or auto",
            param_hint="--rate-limit",
        ) from None
    if live and rate_limit is None:
        rate_limit = 2.0
    send_negative = negative if negative is not None else not live
    phases = tuple(p for p in PHASES if send_negative or p not in NEGATIVE_PHASES)
    return _Plan(apis, _tokens(apis, token), path_params, live, rate_limit, auto, phases,
                 bool(spec_file))  # fmt: skip


PLAIN_EVERY = 15.0  # seconds between progress lines when the output is not a terminal (CI logs)


class _Display:
    """Progress of a check run: on a terminal (rich) one live line per API with its phase, a bar
    over its phases, requests, rate and failures so far; elsewhere (CI logs) a plain line per phase
    and one every PLAIN_EVERY seconds while a phase runs."""

    def __init__(self) -> None:
        import time

        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self.live = console().is_terminal
        self.progress = Progress(
            TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[status]}"),
            TimeElapsedColumn(), console=console(), transient=True,
        )  # fmt: skip
        self.tasks: dict[str, Any] = {}
        self.started = time.monotonic()
        self.printed = self.started
        self.requests: dict[str, int] = {}
        self.failures = 0

    def status(self, api: str) -> str:
        import time

        elapsed = time.monotonic() - self.started
        total = sum(self.requests.values())
        rate = total / elapsed if elapsed > 0 else 0.0
        failures = f"[red]{self.failures} failures[/]" if self.failures else "0 failures"
        return f"{self.requests.get(api, 0)} requests ({rate:.0f}/s overall), {failures} so far"

    def hooks(self, phases: int) -> Any:
        import time

        from .runner import Progress as RunnerProgress

        def on_phase(api: str, phase: str) -> None:
            if not self.live:
                plain = escape_plain(self.status(api))
                console().print(f"{api}: {phase} ({plain})", highlight=False)
                self.printed = time.monotonic()
                return
            if api not in self.tasks:
                self.tasks[api] = self.progress.add_task(api, total=phases, status="")
            else:
                self.progress.advance(self.tasks[api])
            self.progress.update(self.tasks[api], description=f"{api}: {phase}")

        def on_probe(api: str, phase: str, probes: int, failures: int) -> None:
            self.requests[api] = probes
            if self.live and api in self.tasks:
                self.progress.update(self.tasks[api], status=self.status(api))
            elif not self.live and time.monotonic() - self.printed >= PLAIN_EVERY:
                self.printed = time.monotonic()
                plain = escape_plain(self.status(api))
                console().print(f"{api}: {phase}: {plain}", highlight=False)

        def on_finding(finding: Any) -> None:
            self.failures += 1

        return RunnerProgress(on_phase=on_phase, on_probe=on_probe, on_finding=on_finding)


def escape_plain(text: str) -> str:
    """A status line without its rich markup, for plain output."""
    from rich.text import Text

    return Text.from_markup(text).plain


@main.command()
@_check_options
@click.option("--max-examples", default=100, show_default=True, type=int,
              help="Examples per phase and API.")  # fmt: skip
def check(
    api_names: tuple[str, ...],
    url: str | None,
    token: str | None,
    live: bool,
    rate_limit: str | None,
    baseline: str | None,
    negative: bool | None,
    params: tuple[str, ...],
    report_dir: str | None,
    seed: int,
    workers: str | None,
    spec_file: str | None,
    max_examples: int,
) -> None:
    """Check servers against the contracts: the embedded mock by default, or --url.

    Runs schemathesis over each API's spec, plus our own payloads (every event type, every limit
    at and past it, each rule broken alone) and stateful scenarios; exits 1 when a check fails.
    """
    from contextlib import ExitStack

    from .runner import run_checks

    plan = _plan(api_names, url, token, live, rate_limit, negative, params, spec_file)
    with ExitStack() as stack:
        url = url or _embedded_mock(plan.apis, plan.tokens, stack, plan.from_spec)
        display = _Display()
        with display.progress if display.live else ExitStack():
            hooks = display.hooks(len(plan.phases))
            options = plan.options(url, max_examples, seed)
            count = _workers(workers, plan, default="auto")
            if count > 1:
                from .parallel import run_parallel

                report = run_parallel(plan.apis, options, count, hooks)
            else:
                report = run_checks(plan.apis, options, hooks)
    _finish(report, report_dir, baseline)


def _embedded_mock(
    apis: list[Any], tokens: dict[str, str], stack: Any, from_spec: bool = False
) -> str:
    """Start the mock of the APIs, accepting exactly the run's credentials; its URL."""
    from .handlers import MockConfig
    from .mock import running_mock

    for api in apis:
        _room(api)  # every API checked has a checks room
    config = MockConfig(apis=tuple(api.name for api in apis), settings=_mock_settings(apis, tokens))
    served = apis if from_spec else None  # spec files are not in the registry
    url: str = stack.enter_context(running_mock(config, apis=served)).url
    console().print(f"checking the embedded mock at {url}", highlight=False)
    return url


def _workers(text: str | None, plan: _Plan, default: str = "1") -> int:
    """The worker processes of a run: as asked, else the command's default (`auto` is one for a
    live server, whose rate limit one process keeps, and for a spec file); never more than the
    APIs, as the phases of one API run one after the other (contracts.parallel)."""
    from .parallel import worker_count

    if text is None:
        text = "1" if default == "auto" and (plan.live or plan.from_spec) else default
    try:
        count = min(worker_count(text), max(1, len(plan.apis)))
        if count > 1 and plan.from_spec:
            # Worker processes find APIs by name in the registry; a spec file is not registered.
            raise click.UsageError("--workers with --spec is not supported yet: run one process")
        return count
    except ValueError:
        raise click.BadParameter(
            f"{text!r}: a number >= 1, or auto", param_hint="--workers"
        ) from None


def _finish(report: Any, report_dir: str | None, baseline: str | None = None) -> None:
    """Print and write the reports; exit 1 when a check failed (with --baseline: a failure the
    baseline does not list; the known ones are listed apart and do not change the status)."""
    from pathlib import Path

    from .report import known_signatures, print_report, write_reports

    print_report(report, console())
    if report.retries:
        console().print(f"{report.retries} requests retried after a 429/503 with Retry-After "
                      f"({report.waited:.1f} s waited)", highlight=False)  # fmt: skip
    if report_dir:
        for path in write_reports(report, Path(report_dir)):
            console().print(f"wrote {path}", highlight=False)
    if baseline is None:
        sys.exit(0 if report.ok else 1)
    known = known_signatures(Path(baseline))
    new = [f for f in report.findings if f.signature not in known]
    old = [f for f in report.findings if f.signature in known]
    for finding in old:
        console().print(f"known (in {baseline}): {finding.api} / {finding.check}: {finding.title}",
                      highlight=False)  # fmt: skip
    console().print(f"{len(new)} new failures, {len(old)} known from the baseline", highlight=False)
    sys.exit(1 if new else 0)


@dataclass
class _FuzzState:
    """What the fuzzing display shows."""

    started: float
    seconds: float
    api: str = ""
    phase: str = ""
    requests: int = 0
    failures: int = 0
    printed: float = 0.0

    def line(self) -> str:
        """The same, as one plain line (CI logs)."""
        import time

        elapsed = time.monotonic() - self.started
        rate = self.requests / elapsed if elapsed else 0.0
        left = max(0.0, self.seconds - elapsed)
        return (f"fuzzing {self.api} / {self.phase}: {elapsed:.0f} s of {self.seconds:.0f} "
                f"({left:.0f} s left), {self.requests} requests ({rate:.0f}/s), "
                f"{self.failures} failures")  # fmt: skip

    def table(self) -> Table:
        import time

        from rich.table import Table

        elapsed = time.monotonic() - self.started
        rate = self.requests / elapsed if elapsed else 0.0
        grid = Table.grid(padding=(0, 2))
        left = max(0.0, self.seconds - elapsed)
        grid.add_row(
            f"[bold]fuzzing[/] {self.api} / {self.phase}",
            f"{elapsed:6.0f} s of {self.seconds:.0f} ({left:.0f} s left)",
            f"{self.requests} requests ({rate:.0f}/s)",
            f"[red]{self.failures} failures[/]" if self.failures else "0 failures",
        )
        return grid


@main.command()
@_check_options
@click.option("--duration", default="10m", show_default=True,
              help="How long: 90s, 10m, 2h, 1h30m (Ctrl-C stops earlier).")  # fmt: skip
@click.option("--db", help="Example database: a directory (default .contracts/fuzz-db) or "
              "redis://host:port/n to share one corpus across machines.")  # fmt: skip
@click.option("--max-examples", default=200, show_default=True, type=int,
              help="Examples per phase and API in each round.")  # fmt: skip
def fuzz(
    api_names: tuple[str, ...],
    url: str | None,
    token: str | None,
    live: bool,
    rate_limit: str | None,
    baseline: str | None,
    negative: bool | None,
    params: tuple[str, ...],
    report_dir: str | None,
    seed: int,
    workers: str | None,
    spec_file: str | None,
    duration: str,
    db: str | None,
    max_examples: int,
) -> None:
    """A long session: rounds of checks with new seeds until --duration runs out or Ctrl-C.

    Stored failures are replayed first; the corpus lives in Hypothesis' example database.
    """
    import time
    from contextlib import ExitStack

    from rich.live import Live

    from .fuzzing import fuzz as run_fuzz
    from .fuzzing import open_database, parse_duration
    from .runner import Progress as RunnerProgress

    seconds = parse_duration(duration)
    database = open_database(db)
    plan = _plan(api_names, url, token, live, rate_limit, negative, params, spec_file)
    state = _FuzzState(started=time.monotonic(), seconds=seconds)
    live_display = Live(state.table(), console=console(), refresh_per_second=4, transient=True)

    def on_phase(api: str, phase: str) -> None:
        state.api, state.phase = api, phase
        if not console().is_terminal and time.monotonic() - state.printed > 10:
            state.printed = time.monotonic()
            console().print(state.line(), highlight=False, soft_wrap=True)
        live_display.update(state.table())

    def on_probe(api: str, phase: str, probes: int, failures: int) -> None:
        state.requests += 1
        if console().is_terminal:
            live_display.update(state.table())
        elif time.monotonic() - state.printed > PLAIN_EVERY:
            state.printed = time.monotonic()
            console().print(state.line(), highlight=False, soft_wrap=True)

    def on_finding(finding: Any) -> None:
        state.failures += 1
        console().print(f"[red]found[/]: {finding.api} / {finding.check}: {finding.title}",
                      highlight=False)  # fmt: skip

    hooks = RunnerProgress(on_phase=on_phase, on_probe=on_probe, on_finding=on_finding)
    with ExitStack() as stack:
        url = url or _embedded_mock(plan.apis, plan.tokens, stack, plan.from_spec)
        options = plan.options(url, max_examples, seed, database)
        with live_display if console().is_terminal else ExitStack():
            count = _workers(workers, plan)
            report = run_fuzz(plan.apis, options, seconds, hooks, workers=count, db=db)
    console().print(
        f"{report.rounds} rounds; corpus in {db or '.contracts/fuzz-db'}", highlight=False
    )
    _finish(report, report_dir, baseline)


@main.command()
@click.argument("report_file", metavar="REPORT", type=click.Path(dir_okay=False, exists=True))
@click.argument("number", type=int, default=1)
@click.option("--url", help="Send to this server instead of the one the report was made against.")
@click.option("--token", help="Credentials (or CONTRACTS_TOKEN[_<API>]); filtered in the report.")
@click.option("--live", is_flag=True, help="Allow a --url that is not on this machine.")
def replay(report_file: str, number: int, url: str | None, token: str | None, live: bool) -> None:
    """Send failure NUMBER (1-based, as printed) of a report.json again and print the exchange.

    Credentials filtered from the report are put back from --token in the form the API's
    security scheme wants."""
    from .registry import get_api
    from .replay import load_failure, print_exchange, send_again
    from .transport import is_loopback

    failure = load_failure(report_file, number)
    if url and not is_loopback(url) and not live:
        raise click.UsageError(f"{url} is not on this machine: replaying to it needs --live")
    api = get_api(failure.api)
    room = api.checks()
    credentials = room.credentials(_tokens([api], token)[api.name]) if room else {}
    request, response = send_again(failure, url, credentials)
    print_exchange(request, response, console())
