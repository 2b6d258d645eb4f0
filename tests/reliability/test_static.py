"""Static checks on the source: what must never be in the app, whoever edits it next.

- TLS verification is never turned off (one context that verifies nothing reads the issuer of
  a certificate that already failed, and is used for nothing else).
- No retry layer: no retry library, no retry transport; the only ``retries=`` is httpx's
  connect-only ``HTTPTransport(retries=…)``, at most one.
- Redirects are never followed.
- The client builds no URL by hand: query strings come from httpx ``params``/``data``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import dialer_app

PACKAGE = Path(dialer_app.__file__).parent
CLIENT = PACKAGE / "core" / "callerdesk" / "client.py"
RETRY_MODULES = {"tenacity", "backoff", "retrying", "retry", "stamina", "urllib3", "requests"}
MAX_CONNECT_RETRIES = 1


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def nodes(path: Path) -> Iterator[ast.AST]:
    yield from ast.walk(ast.parse(path.read_text("utf-8"), filename=str(path)))


def where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(PACKAGE.parent)}:{getattr(node, 'lineno', '?')}"


def keywords(name: str) -> Iterator[tuple[Path, ast.Call, ast.keyword]]:
    for path in sources():
        for node in nodes(path):
            if isinstance(node, ast.Call):
                for keyword in node.keywords:
                    if keyword.arg == name:
                        yield path, node, keyword


def is_constant(node: ast.AST, value: object) -> bool:
    return isinstance(node, ast.Constant) and node.value is value


def test_the_checks_see_the_package() -> None:
    assert CLIENT in sources()
    assert len(sources()) > 20


def unverified_lines() -> set[str]:
    """The lines of ``core/callerdesk/tls.py: unverified_context``, the one context that
    verifies nothing: ``core/callerdesk/certs.py`` reads with it who issued a certificate that
    already failed, by a handshake after which nothing is sent."""
    tls = PACKAGE / "core" / "callerdesk" / "tls.py"
    tree = ast.parse(tls.read_text("utf-8"))
    [function] = [n for n in ast.walk(tree) if getattr(n, "name", "") == "unverified_context"]
    assert isinstance(function, ast.FunctionDef)
    assert function.end_lineno is not None
    lines = range(function.lineno, function.end_lineno + 1)
    return {f"{tls.relative_to(PACKAGE.parent)}:{line}" for line in lines}


def test_the_unverified_context_only_reads_an_issuer() -> None:
    users = sorted(
        str(path.relative_to(PACKAGE))
        for path in sources()
        for node in nodes(path)
        if getattr(node, "id", getattr(node, "attr", getattr(node, "name", "")))
        == "unverified_context"
    )
    assert set(users) == {"core/callerdesk/tls.py", "core/callerdesk/certs.py"}


def test_tls_verification_is_never_turned_off() -> None:
    allowed = unverified_lines()
    bad = [where(p, k) for p, _, k in keywords("verify") if is_constant(k.value, False)]
    for path in sources():
        for node in nodes(path):
            if where(path, node) in allowed:
                continue
            name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")
            if name in {"CERT_NONE", "_create_unverified_context", "_create_default_https_context"}:
                bad.append(where(path, node))
            if isinstance(node, ast.Assign) and is_constant(node.value, False):
                names = [getattr(t, "attr", getattr(t, "id", "")) for t in node.targets]
                bad += [where(path, node) for n in names if n in {"check_hostname", "verify"}]
    assert bad == []


def test_no_retry_library_or_retry_transport() -> None:
    bad = []
    for path in sources():
        for node in nodes(path):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [alias.name for alias in node.names]
            else:
                names = [getattr(node, "id", "") or getattr(node, "attr", "")]
            for name in names:
                if name.split(".")[0] in RETRY_MODULES or "retry" in name.lower().replace(
                    "retries", ""
                ):
                    bad.append(f"{where(path, node)} {name}")
    assert bad == []


def test_the_only_retries_are_httpx_connect_retries() -> None:
    found = list(keywords("retries"))
    assert found, "the call path is expected to use HTTPTransport(retries=1)"
    for path, call, keyword in found:
        callee = call.func.attr if isinstance(call.func, ast.Attribute) else ""
        assert callee == "HTTPTransport", where(path, call)  # httpx: connect errors only
        value = keyword.value
        assert isinstance(value, ast.Constant), where(path, call)
        assert isinstance(value.value, int), where(path, call)
        assert 0 <= value.value <= MAX_CONNECT_RETRIES, where(path, call)


def test_redirects_are_never_followed() -> None:
    bad = [
        where(p, k) for p, _, k in keywords("follow_redirects") if not is_constant(k.value, False)
    ]
    for path in sources():
        for node in nodes(path):
            if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(getattr(t, "attr", "") == "follow_redirects" for t in targets):
                    bad.append(where(path, node))
            if isinstance(node, ast.Attribute) and node.attr in {"next_request", "send_redirect"}:
                bad.append(where(path, node))
    assert bad == []
    assert any(p == CLIENT for p, _, _ in keywords("follow_redirects"))


HTTP_METHODS = {"get", "post", "put", "patch", "delete", "head", "options", "request", "stream"}
URL_MARKERS = ("?", "&", "=", "://", "authcode")


def literal_parts(node: ast.AST) -> list[str]:
    return [
        n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    ]


def test_the_client_builds_no_url_by_hand() -> None:
    tree = ast.parse(CLIENT.read_text("utf-8"))
    bad: list[str] = []
    for node in ast.walk(tree):
        built = (
            isinstance(node, ast.JoinedStr)
            or (isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)))
            or (isinstance(node, ast.Call) and getattr(node.func, "attr", "") in {"format", "join"})
        )
        if built and any(m in part for part in literal_parts(node) for m in URL_MARKERS):
            bad.append(
                f"line {getattr(node, 'lineno', '?')}: text with {URL_MARKERS} built by hand"
            )
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in HTTP_METHODS:
            args = node.args[1:2] if node.func.attr in {"request", "stream"} else node.args[:1]  # type: ignore[attr-defined]
            bad += [f"line {node.lineno}: URL {ast.unparse(a)}" for a in args if not _plain(a)]
    assert bad == []


def _plain(node: ast.AST) -> bool:
    """An endpoint name: a string literal without a query, or a variable holding one."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and not any(m in node.value for m in URL_MARKERS)
    return isinstance(node, ast.Name)


def test_the_key_goes_only_into_params_or_form_fields() -> None:
    """The string "authcode" appears in the client only as a dict key (params or form data)."""
    tree = ast.parse(CLIENT.read_text("utf-8"))
    keys = {id(k) for n in ast.walk(tree) if isinstance(n, ast.Dict) for k in n.keys if k}
    docstrings = {
        id(n.body[0].value)
        for n in ast.walk(tree)
        if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and n.body
        and isinstance(n.body[0], ast.Expr)
    }
    uses = [
        n.lineno
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant)
        and isinstance(n.value, str)
        and "authcode" in n.value.lower()
        and id(n) not in keys | docstrings
    ]
    assert uses == []


@pytest.mark.parametrize(
    ("snippet", "check"),
    [
        ("httpx.Client(verify=False)", "test_tls_verification_is_never_turned_off"),
        ("ctx.check_hostname = False", "test_tls_verification_is_never_turned_off"),
        ("httpx.Client(follow_redirects=True)", "test_redirects_are_never_followed"),
        ("import tenacity", "test_no_retry_library_or_retry_transport"),
        ("from urllib3.util import Retry", "test_no_retry_library_or_retry_transport"),
        ("httpx.HTTPTransport(retries=3)", "test_the_only_retries_are_httpx_connect_retries"),
        ('client.get(f"click_to_call_v3?authcode={key}")', "test_the_client_builds_no_url_by_hand"),
        ('client.get(base + "click_to_call_v3")', "test_the_client_builds_no_url_by_hand"),
        ('log.info("authcode %s", key)', "test_the_key_goes_only_into_params_or_form_fields"),
    ],
)
def test_the_checks_catch_what_they_look_for(
    snippet: str, check: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each check fails on a file that breaks its rule (so none passes by seeing nothing)."""
    fake = tmp_path / "dialer_app"
    (fake / "core").mkdir(parents=True)
    for path in sources():  # a copy of the package with one bad line added to the client
        target = fake / path.relative_to(PACKAGE)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text("utf-8"))
    client = fake / "core" / "callerdesk" / "client.py"
    client.write_text(
        client.read_text("utf-8") + f"\n\ndef _bad(client, key, base):\n    {snippet}\n"
    )
    monkeypatch.setattr(f"{__name__}.PACKAGE", fake)
    monkeypatch.setattr(f"{__name__}.CLIENT", client)
    with pytest.raises(AssertionError):
        globals()[check]()
