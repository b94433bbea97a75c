"""`gatehouse`: the operator CLI, a client of the admin function (cli/README.md)."""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from cli.client import AdminClient, CliError, resolve_target

app = typer.Typer(
    no_args_is_help=True, add_completion=False, help="Operate Gatehouse: tenants, keys, usage, cache."
)
tenants = typer.Typer(no_args_is_help=True, help="Create, inspect, change, disable and delete tenants.")
keys = typer.Typer(no_args_is_help=True, help="API keys: create (shown once), list, rotate, revoke.")
secrets = typer.Typer(no_args_is_help=True, help="Callback signing secrets.")
cache = typer.Typer(no_args_is_help=True, help="Cache statistics, semantic calibration and purge.")
jobs = typer.Typer(no_args_is_help=True, help="A tenant's async jobs.")
audit = typer.Typer(no_args_is_help=True, help="The admin audit log.")
app.add_typer(tenants, name="tenants")
app.add_typer(keys, name="keys")
app.add_typer(secrets, name="secrets")
app.add_typer(cache, name="cache")
app.add_typer(jobs, name="jobs")
app.add_typer(audit, name="audit")

out = Console()
err = Console(stderr=True)
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (for scripts).")]


class _State:
    url: str | None = None
    token: str | None = None
    impersonate: str | None = None
    _client: AdminClient | None = None

    def client(self) -> AdminClient:
        if self._client is None:
            self._client = AdminClient(resolve_target(self.url, self.token, self.impersonate))
        return self._client


state = _State()


@app.callback()
def _options(
    url: Annotated[str | None, typer.Option(help="Admin function URL (default: the local stack).")] = None,
    token: Annotated[
        str | None,
        typer.Option(
            help="Bearer token (default: the local admin token or an ID token).",
            envvar="GATEHOUSE_ADMIN_TOKEN",
        ),
    ] = None,
    impersonate: Annotated[
        str | None, typer.Option(help="Service account to impersonate for the ID token.")
    ] = None,
) -> None:
    state.url, state.token, state.impersonate = url, token, impersonate
    state._client = None


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, indent=2, default=str) + "\n")  # plain: never wrapped or coloured


def _table(title: str, rows: list[dict[str, Any]], columns: list[str]) -> None:
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")  # ids and keys wrap, never end in an ellipsis
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
    out.print(table)


def _value(raw: str) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return raw


def _settings(file: Path | None, sets: list[str] | None) -> dict[str, Any]:
    """A body from `--file` (JSON) and `--set dotted.path=value` (value parsed as JSON when it is)."""
    body: dict[str, Any] = json.loads(file.read_text()) if file else {}
    for item in sets or []:
        path, sep, raw = item.partition("=")
        if not sep or not path:
            raise CliError(f"--set needs path=value, got `{item}`")
        node = body
        *parents, leaf = path.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = _value(raw)
    return body


def _seconds(raw: str) -> float:
    match = re.fullmatch(r"(\d+(?:\.\d+)?)([smhd]?)", raw.strip())
    if not match:
        raise CliError(f"not a duration: `{raw}` (e.g. 90s, 10m, 24h, 7d)")
    return float(match.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(2)]


# -- tenants ------------------------------------------------------------------------------------------
TENANT_COLUMNS = ["id", "name", "disabled", "allowed_models", "region", "etag", "updated_at"]


@tenants.command("create")
def tenants_create(
    tenant_id: str,
    name: Annotated[str | None, typer.Option(help="Display name.")] = None,
    models: Annotated[
        list[str] | None, typer.Option("--models", help="Allowed model patterns (repeat).")
    ] = None,
    region: Annotated[str | None, typer.Option(help="Vertex AI region.")] = None,
    file: Annotated[Path | None, typer.Option(help="Tenant profile as JSON.")] = None,
    set_: Annotated[list[str] | None, typer.Option("--set", help="dotted.path=value (repeat).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Create a tenant (validated like the pipeline reads it; unknown fields are refused)."""
    body = _settings(file, set_)
    body["id"] = tenant_id
    if name is not None:
        body["name"] = name
    if models:
        body["allowed_models"] = models
    if region:
        body["region"] = region
    tenant = state.client().post("/v1/tenants", body)
    _print_json(tenant) if as_json else out.print(
        f"created tenant [bold]{tenant['id']}[/] ({tenant['etag']})"
    )


@tenants.command("get")
def tenants_get(tenant_id: str, as_json: JsonOpt = False) -> None:
    """Show a tenant's whole profile."""
    tenant = state.client().get(f"/v1/tenants/{tenant_id}")
    if as_json:
        _print_json(tenant)
    else:
        _table(f"tenant {tenant_id}", [tenant], TENANT_COLUMNS)
        _print_json({k: tenant[k] for k in ("policy", "cache", "routing", "callbacks") if k in tenant})


@tenants.command("list")
def tenants_list(
    deleted: Annotated[bool, typer.Option(help="Include soft-deleted tenants.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """List tenants (every page)."""
    rows: list[dict[str, Any]] = []
    token = None
    while True:
        page = state.client().get(
            "/v1/tenants", page_size=200, page_token=token, deleted=str(deleted).lower()
        )
        rows += page["tenants"]
        token = page.get("next_page_token")
        if not token:
            break
    _print_json(rows) if as_json else _table("tenants", rows, TENANT_COLUMNS)


@tenants.command("update")
def tenants_update(
    tenant_id: str,
    file: Annotated[Path | None, typer.Option(help="A JSON merge patch (null resets a field).")] = None,
    set_: Annotated[list[str] | None, typer.Option("--set", help="dotted.path=value (repeat).")] = None,
    etag: Annotated[str | None, typer.Option(help="Expected etag (default: the one just read).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Change some fields; refused (412) if the tenant changed since its etag was read."""
    patch = _settings(file, set_)
    if not patch:
        raise CliError("nothing to change: give --set path=value or --file patch.json")
    client = state.client()
    if etag is None:
        etag = client.get(f"/v1/tenants/{tenant_id}")["etag"]
    tenant = client.request(
        "PATCH", f"/v1/tenants/{tenant_id}", json=patch, headers={"If-Match": etag}
    ).json()
    _print_json(tenant) if as_json else out.print(f"updated tenant [bold]{tenant_id}[/] ({tenant['etag']})")


def _flag(tenant_id: str, verb: str) -> None:
    tenant = state.client().post(f"/v1/tenants/{tenant_id}:{verb}")
    out.print(
        f"tenant [bold]{tenant_id}[/] {verb}d ({tenant['etag']}); every instance follows within the auth TTL"
    )


@tenants.command("disable")
def tenants_disable(tenant_id: str) -> None:
    """Disable a tenant: its keys get 403 on every instance within the auth cache TTL."""
    _flag(tenant_id, "disable")


@tenants.command("enable")
def tenants_enable(tenant_id: str) -> None:
    """Enable a disabled tenant."""
    _flag(tenant_id, "enable")


@tenants.command("delete")
def tenants_delete(tenant_id: str, yes: Annotated[bool, typer.Option("--yes")] = False) -> None:
    """Soft-delete a tenant: disabled, every key revoked (one transaction). `erase` removes its data."""
    if not yes:
        typer.confirm(f"Delete tenant {tenant_id} and revoke its keys?", abort=True)
    result = state.client().request("DELETE", f"/v1/tenants/{tenant_id}").json()
    out.print(f"tenant [bold]{tenant_id}[/] deleted, {result['keys_revoked']} key(s) revoked")


@tenants.command("erase")
def tenants_erase(tenant_id: str, yes: Annotated[bool, typer.Option("--yes")] = False) -> None:
    """Erase a deleted tenant for good: keys, cache, jobs, usage past retention, secret, profile."""
    if not yes:
        typer.confirm(f"Erase tenant {tenant_id} for good? This cannot be undone.", abort=True)
    totals: dict[str, int] = {}
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), console=err) as progress:
        task = progress.add_task(f"erasing {tenant_id}", total=None)
        while True:
            step = state.client().post(f"/v1/tenants/{tenant_id}:erase", {"confirm": tenant_id})
            for phase, count in step["deleted"].items():
                totals[phase] = totals.get(phase, 0) + count
            done_text = ", ".join(f"{k} {v}" for k, v in totals.items())
            progress.update(task, description=f"erasing {tenant_id}: {step['phase']} ({done_text})")
            if step["done"]:
                break
    out.print(f"tenant [bold]{tenant_id}[/] erased: " + ", ".join(f"{k} {v}" for k, v in totals.items()))


# -- keys and secrets ------------------------------------------------------------------------------------
KEY_COLUMNS = ["id", "name", "prefix", "last_four", "state", "created_at", "last_used_at", "expires_at"]


def _show_key(key: dict[str, Any], as_json: bool) -> None:
    if as_json:
        _print_json(key)
        return
    out.print(f"key [bold]{key['id']}[/] for tenant {key['tenant']} (shown once; store it now):")
    out.print(key["key"], highlight=False, soft_wrap=True)


@keys.command("create")
def keys_create(
    tenant_id: str, name: Annotated[str, typer.Option(help="A label.")] = "", as_json: JsonOpt = False
) -> None:
    """Create an API key; the key is printed exactly once."""
    _show_key(state.client().post(f"/v1/tenants/{tenant_id}/keys", {"name": name}), as_json)


@keys.command("list")
def keys_list(tenant_id: str, as_json: JsonOpt = False) -> None:
    """List a tenant's keys (never the key itself)."""
    rows = state.client().get(f"/v1/tenants/{tenant_id}/keys")["keys"]
    _print_json(rows) if as_json else _table(f"keys of {tenant_id}", rows, KEY_COLUMNS)


@keys.command("rotate")
def keys_rotate(
    tenant_id: str,
    key_id: str,
    overlap: Annotated[str, typer.Option(help="How long the old key keeps working (90s, 1h, 7d).")] = "24h",
    as_json: JsonOpt = False,
) -> None:
    """A new key; the old one works until the overlap ends."""
    key = state.client().post(
        f"/v1/tenants/{tenant_id}/keys/{key_id}:rotate", {"overlap_s": _seconds(overlap)}
    )
    _show_key(key, as_json)
    if not as_json:
        out.print(f"old key {key_id} works until {key['old_key']['expires_at']}")


@keys.command("revoke")
def keys_revoke(tenant_id: str, key_id: str, as_json: JsonOpt = False) -> None:
    """Revoke a key: refused on every instance within the auth cache TTL."""
    key = state.client().post(f"/v1/tenants/{tenant_id}/keys/{key_id}:revoke")
    _print_json(key) if as_json else out.print(f"key [bold]{key_id}[/] revoked at {key['revoked_at']}")


@keys.command("rotate-pepper")
def keys_rotate_pepper(
    window: Annotated[str, typer.Option(help="How long the old pepper still verifies.")] = "7d",
    force: Annotated[bool, typer.Option(help="Even while an earlier window is open.")] = False,
) -> None:
    """New key-hashing pepper; both verify during the window and used keys are re-hashed."""
    result = state.client().post("/v1/peppers:rotate", {"window_s": _seconds(window), "force": force})
    out.print(f"pepper version {result['current']} is current; {result['previous']} verifies until "
              f"{result['previous_until']}")  # fmt: skip


@secrets.command("rotate-callback")
def secrets_rotate_callback(tenant_id: str, as_json: JsonOpt = False) -> None:
    """New callback signing secret (printed once); receivers accept both during the overlap."""
    result = state.client().post(f"/v1/tenants/{tenant_id}/callback-secret:rotate")
    if as_json:
        _print_json(result)
        return
    out.print(f"{result['secret_name']} version {result['version']} (shown once; store it now):")
    out.print(result["secret"], highlight=False)
    out.print(result["note"])


# -- usage, cache, jobs, audit ----------------------------------------------------------------------------
def _today() -> str:
    return time.strftime("%Y-%m-%d", time.gmtime())


USAGE_COLUMNS = ["requests", "prompt_tokens", "output_tokens", "cost_usd", "cache_hits", "saved_usd"]


@app.command("usage")
def usage(
    tenant: Annotated[str, typer.Option(help="Tenant id.")],
    from_: Annotated[
        str | None, typer.Option("--from", help="First day, YYYY-MM-DD (default: today).")
    ] = None,
    to: Annotated[str | None, typer.Option(help="Last day, YYYY-MM-DD (default: today).")] = None,
    by: Annotated[str | None, typer.Option(help="Sum by `model` or `day`.")] = None,
    csv: Annotated[bool, typer.Option("--csv", help="CSV on stdout (or --output).")] = False,
    output: Annotated[Path | None, typer.Option(help="Write to this file.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Usage and cost per day and model, from the ledger."""
    params = {"tenant": tenant, "from": from_ or _today(), "to": to or _today(), "by": by}
    client = state.client()
    if csv:
        with Progress(SpinnerColumn(), TextColumn("exporting usage"), console=err, transient=True):
            text = client.request("GET", "/v1/usage", params={**params, "format": "csv"}).text
        if output:
            output.write_text(text)
            err.print(f"wrote {output}")
        else:
            sys.stdout.write(text)
        return
    report = client.get("/v1/usage", **params)
    if as_json:
        _print_json(report)
        return
    group = [by] if by else ["day", "model"]
    _table(f"usage of {tenant}, {params['from']} to {params['to']}", report["rows"], group + USAGE_COLUMNS)
    out.print("totals: " + ", ".join(f"{k} {report['totals'][k]}" for k in USAGE_COLUMNS))


@cache.command("stats")
def cache_stats(
    tenant: Annotated[str, typer.Option(help="Tenant id.")],
    model: Annotated[str | None, typer.Option(help="Only this model.")] = None,
    from_: Annotated[str | None, typer.Option("--from")] = None,
    to: Annotated[str | None, typer.Option()] = None,
    as_json: JsonOpt = False,
) -> None:
    """Hits per layer, hit rate, tokens and USD saved, per model (from every instance)."""
    stats = state.client().get(
        "/v1/cache/stats", tenant=tenant, model=model, **{"from": from_ or _today(), "to": to or _today()}
    )
    if as_json:
        _print_json(stats)
        return
    rows = [{**m, **{f"hits_{k}": v for k, v in m["hits_by_layer"].items()}} for m in stats["models"]]
    _table(f"cache of {tenant}", rows, ["model", "requests", "hits", "hit_rate", "hits_l1", "hits_l2",
                                        "hits_semantic", "tokens_saved", "usd_saved"])  # fmt: skip


@cache.command("calibrate")
def cache_calibrate(
    tenant: Annotated[str, typer.Option(help="Tenant id.")],
    model: Annotated[str | None, typer.Option(help="Only this model.")] = None,
    target: Annotated[
        float | None, typer.Option(help="Target error rate (default: the tenant's cache.target_error_rate).")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Semantic-cache precision estimate per model, from the shadow observations of every instance."""
    report = state.client().get("/v1/cache/calibration", tenant=tenant, model=model, target=target)
    if as_json:
        _print_json(report)
        return
    rows = [
        {
            "model": m["model"],
            "observed": m["observations"],
            "wrong": m["disagreements"],
            "precision": "-" if m["precision"] is None else f"{m['precision']:.4f}",
            "low95": f"{m['precision_lower_bound']:.4f}",
            "serves_upto": "shadow" if m["threshold"] is None else f"{m['threshold']:.2f}",
        }
        for m in report["models"]
    ]
    _table(
        f"semantic calibration of {tenant} "
        f"(mode {report['mode']}, target error {report['target_error_rate']:.3g})",
        rows,
        ["model", "observed", "wrong", "precision", "low95", "serves_upto"],
    )
    out.print(
        "observed: shadow observations of would-be semantic hits; wrong: the fresh answer disagreed; "
        "low95: 95% lower bound on precision; serves_upto: the distance up to which semantic hits are "
        "served at the target (shadow: not ready, needs more agreeing observations"
        + (f", at least {report['models'][0]['min_observations']}" if rows else "")
        + ")"
    )
    if not rows:
        out.print("no shadow observations yet (set cache.shadow or cache.semantic on the tenant)")


@cache.command("purge")
def cache_purge(
    tenant: Annotated[str, typer.Option(help="Tenant id.")],
    model: Annotated[str | None, typer.Option(help="Only this model's entries.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Purge on every instance: a new purge generation, then the stored entries are deleted."""
    with Progress(SpinnerColumn(), TextColumn("purging"), BarColumn(), console=err, transient=True):
        result = state.client().post("/v1/cache:purge", {"tenant": tenant, "model": model})
    if as_json:
        _print_json(result)
        return
    scope = f"model {model} of {tenant}" if model else tenant
    out.print(
        f"purged {scope}: generation {result['generation']}, {result['deleted_entries']} stored entries gone"
    )


JOB_COLUMNS = ["id", "state", "model", "created_at", "finished_at", "attempts"]


@jobs.command("list")
def jobs_list(
    tenant_id: str,
    limit: Annotated[int, typer.Option(help="How many (newest first).")] = 20,
    as_json: JsonOpt = False,
) -> None:
    """A tenant's jobs, newest first."""
    page = state.client().get(f"/v1/tenants/{tenant_id}/jobs", page_size=min(limit, 100))
    rows = page["jobs"][:limit]
    _print_json(rows) if as_json else _table(f"jobs of {tenant_id}", rows, JOB_COLUMNS)


@jobs.command("get")
def jobs_get(
    tenant_id: str,
    job_id: str,
    wait: Annotated[bool, typer.Option(help="Wait until the job is done, failed or cancelled.")] = False,
    timeout: Annotated[float, typer.Option(help="Longest wait in seconds.")] = 300.0,
    as_json: JsonOpt = False,
) -> None:
    """One job, with its result when done."""
    client = state.client()
    job = client.get(f"/v1/tenants/{tenant_id}/jobs/{job_id}")
    if wait and job["state"] in ("queued", "running"):
        deadline = time.monotonic() + timeout
        with Progress(SpinnerColumn(), TextColumn("waiting for job {task.fields[state]}"), console=err,
                      transient=True) as progress:  # fmt: skip
            task = progress.add_task("wait", state=job["state"])
            while job["state"] in ("queued", "running") and time.monotonic() < deadline:
                time.sleep(0.5)
                job = client.get(f"/v1/tenants/{tenant_id}/jobs/{job_id}")
                progress.update(task, state=job["state"])
    _print_json(job) if as_json else _table(f"job {job_id}", [job], JOB_COLUMNS)
    if not as_json and job.get("result"):
        out.print(job["result"].get("text", ""))


@audit.command("list")
def audit_list(
    tenant: Annotated[str | None, typer.Option(help="Only this tenant's records.")] = None,
    limit: Annotated[int, typer.Option()] = 50,
    as_json: JsonOpt = False,
) -> None:
    """Admin changes, newest first: who, what, when."""
    records = state.client().get("/v1/audit", tenant=tenant, page_size=min(limit, 200))["records"]
    _print_json(records) if as_json else _table(
        "audit", records, ["at", "actor", "action", "tenant", "target"]
    )


@app.command("dev")
def dev() -> None:
    """Start the local stack (the same as `make run`); Ctrl-C stops it."""
    import subprocess

    root = Path(__file__).resolve().parent.parent
    argv = ["make", "run"] if (root / "Makefile").exists() else [sys.executable, "-m", "dev.launcher"]
    raise typer.Exit(subprocess.call(argv, cwd=root))  # noqa: S603


def run(argv: list[str] | None = None) -> int:
    """Run one command; errors are one line on stderr and a non-zero exit code (2: usage errors)."""
    try:
        app(args=argv, prog_name="gatehouse")  # standalone: click reports usage errors and exits
    except CliError as error:
        err.print(f"error: {error}", highlight=False, markup=False, soft_wrap=True)
        return 1
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    return 0


def main() -> None:
    """The `gatehouse` console script."""
    sys.exit(run())
