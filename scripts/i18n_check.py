#!/usr/bin/env python3
"""The translation checks CI runs (scripts/test): nothing user-facing escapes ``tr()``, and the
Hindi translation is finished for the sources as they are now.

    .venv/bin/python scripts/i18n_check.py           # both checks; file:line for each problem
    .venv/bin/python scripts/i18n_check.py --update  # update the .ts, list what is unfinished

(``scripts/i18n`` runs these.)

1. Strings: an AST walk over the user-facing modules (``dialer_app/ui`` and the core modules
   that write sentences) reports every string literal that reads like words and is not inside
   ``self.tr``/``QCoreApplication.translate``/``QT_TRANSLATE_NOOP``, and every f-string with
   words in it (a glued sentence). Docstrings, logging, object names, style sheets and settings
   keys are not user-facing. A line ending in ``# i18n: not shown`` is skipped (say why).
   Contexts must be literal strings: ``lupdate`` reads them, it does not run the code.
2. Catalogue: ``lupdate`` is run on a copy of each ``dialer_app/i18n/*.ts``; an entry that is
   unfinished there (a new string nobody translated yet) or whose translation lacks one of its
   source's ``{placeholders}`` (or ``%n``) fails.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "dialer_app"
I18N = PACKAGE / "i18n"
USER_FACING = [
    *sorted((PACKAGE / "ui").rglob("*.py")),
    PACKAGE / "core" / "messages.py",
    PACKAGE / "core" / "phone.py",
    PACKAGE / "core" / "config.py",
    PACKAGE / "core" / "proxy.py",
    PACKAGE / "core" / "hours.py",
]
WRAPPERS = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
# Calls whose string arguments are not shown to the agent.
NOT_SHOWN = {
    "setObjectName",
    "setStyleSheet",
    "findChild",
    "findChildren",
    "setProperty",
    "property",
    "Setting",
    "getattr",
    "hasattr",
    "setattr",
    "startswith",
    "endswith",
    "split",
    "rsplit",
    "strip",
    "rstrip",
    "lstrip",
    "removeprefix",
    "removesuffix",
    "strftime",
    "strptime",
    "QKeySequence",
    "action",
    "getLogger",
    "Signal",
    "Slot",
    "Property",
    "QByteArray",
    "setAccessibleIdentifier",
    "join",
    "replace",
    "fromisoformat",
    "compile",
    "sub",
    "match",
    "search",
    "fullmatch",
    "TypeVar",
    "cast",
    "with_suffix",
    "with_name",
    "Path",
    "open",
    "encode",
    "decode",
    "environ",
    "get",
    "setdefault",
    "isidentifier",
    "partial",
    "value",
    "setValue",
    "QUrl",
    "scheme",
    "fromLocalFile",
    "setDesktopFileName",
    "keyring_name",
    "index",
    "_stamp",
    "toString",
    "findData",
    "findText",
    "ValueError",  # parse errors for the log; what the agent reads is a Sentence
}
LOGGERS = {"log", "logger", "logging"}
PRAGMA = "# i18n: not shown"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n")
STYLE_SHEET = re.compile(r"\b(background|color|border|padding|font-weight)\s*:")
MARKUP = re.compile(r"<[^>]*>")
WORDS = re.compile(r"[^\W\d_]{2,}")
IDENTIFIER = re.compile(r"^[a-z0-9_./:#=@-]*$|^[A-Z0-9_]+$|^#[0-9A-Fa-f]{3,8}$")


def _name(call: ast.Call) -> str:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if name == "translate" and len(call.args) < 2:  # str.translate(table), not Qt's
        return "str.translate"
    return name


def _is_logging(call: ast.Call) -> bool:
    func = call.func
    return isinstance(func, ast.Attribute) and getattr(func.value, "id", "") in LOGGERS


def _docstrings(tree: ast.Module) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _wordy(text: str) -> bool:
    if STYLE_SHEET.search(text):
        return False
    text = MARKUP.sub("", PLACEHOLDER.sub("", text))
    return bool(WORDS.search(text)) and not IDENTIFIER.match(text)


class _Walker(ast.NodeVisitor):
    def __init__(self, lines: list[str], skip: set[int]) -> None:
        self.lines, self.skip = lines, skip
        self.found: list[tuple[int, str]] = []
        self._quiet = 0

    def _report(self, node: ast.expr, text: str) -> None:
        if self._quiet or id(node) in self.skip:
            return
        if PRAGMA in self.lines[node.lineno - 1]:
            return
        self.found.append((node.lineno, text))

    def visit_Call(self, node: ast.Call) -> None:
        name = _name(node)
        if name in WRAPPERS:
            self._check_context(node, name)
        if name in WRAPPERS or name in NOT_SHOWN or _is_logging(node):
            self._quiet += 1
            self.generic_visit(node)
            self._quiet -= 1
            return
        if name == "named" and len(node.args) >= 2:  # named(widget, object_name, accessible)
            self.skip.add(id(node.args[1]))
        self.generic_visit(node)

    def _check_context(self, node: ast.Call, name: str) -> None:
        if name in ("translate", "QT_TRANSLATE_NOOP") and node.args:
            pragma = PRAGMA in self.lines[node.lineno - 1]
            if not isinstance(node.args[0], ast.Constant) and not pragma:
                self.found.append((node.lineno, f"{name}() needs a literal context for lupdate"))

    def visit_Assign(self, node: ast.Assign) -> None:
        if any(getattr(target, "id", "") == "__all__" for target in node.targets):
            return
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        self._quiet += 1
        self.generic_visit(node)
        self._quiet -= 1

    def visit_Subscript(self, node: ast.Subscript) -> None:
        self.visit(node.value)
        self._quiet += 1
        self.visit(node.slice)
        self._quiet -= 1

    def visit_Dict(self, node: ast.Dict) -> None:
        for key in node.keys:
            if key is not None:
                self._quiet += 1
                self.visit(key)
                self._quiet -= 1
        for value in node.values:
            self.visit(value)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        glued = "".join(
            part.value for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )  # fmt: skip
        if _wordy(glued):
            self._report(node, "f-string: " + glued)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and _wordy(node.value):
            self._report(node, node.value)


def unwrapped(path: Path) -> Iterator[str]:
    """``file:line: text`` for each string in ``path`` shown without translation."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    walker = _Walker(source.splitlines(), _docstrings(tree))
    walker.visit(tree)
    for line, text in walker.found:
        yield f"{path.relative_to(ROOT)}:{line}: not translated: {text!r}"


def catalogue_problems(ts: Path, updated: Path) -> Iterator[str]:
    """Unfinished entries of ``updated`` (the catalogue after lupdate) and lost placeholders."""
    root = ET.parse(updated).getroot()  # noqa: S314 - our own file
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("vanished", "obsolete"):
                continue
            where = f"{ts.relative_to(ROOT)}: [{name}] {source!r}"
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""
            ]
            if translation.get("type") == "unfinished" or not all(forms):
                yield f"{where}: unfinished"
                continue
            for form in forms:
                lost = set(PLACEHOLDER.findall(source)) - set(PLACEHOLDER.findall(form))
                lost.discard("%n") if len(forms) > 1 and "%n" not in form else None
                if lost:
                    yield f"{where}: the translation lacks {', '.join(sorted(lost))}"


def lupdate(targets: list[Path], *extra: str) -> None:
    """Update ``targets`` from the package's sources (no line numbers, nothing obsolete)."""
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py"))
    for target in targets:
        plural = ["-pluralonly"] if target.stem.endswith("_en") else []
        subprocess.run(  # noqa: S603 - our tool, our files
            [str(tool), *sources, "-locations", "none", "-no-obsolete", "-silent", *plural,
             *extra, "-ts", str(target)],
            cwd=ROOT, check=True,
        )  # fmt: skip


def update() -> int:
    """Update the catalogues in place and list their unfinished entries (exit 0)."""
    catalogues = sorted(I18N.glob("*.ts"))
    lupdate(catalogues)
    left = [line for ts in catalogues for line in catalogue_problems(ts, ts)]
    for line in left:
        print(line)
    print(f"i18n: {len(catalogues)} catalogue(s) updated; {len(left)} entr(ies) to translate")
    return 0


def contexts(path: Path) -> Iterator[str]:
    """``file:line`` of each translate()/QT_TRANSLATE_NOOP() whose context is not a literal."""
    source = path.read_text(encoding="utf-8")
    walker = _Walker(source.splitlines(), set())
    walker.visit(ast.parse(source))
    for line, text in walker.found:
        if "literal context" in text:
            yield f"{path.relative_to(ROOT)}:{line}: {text}"


def main() -> int:
    if sys.argv[1:] == ["--update"]:
        return update()
    problems = [line for path in USER_FACING for line in unwrapped(path)]
    others = sorted(set(PACKAGE.rglob("*.py")) - set(USER_FACING))
    problems += [line for path in others for line in contexts(path)]
    with tempfile.TemporaryDirectory() as scratch:
        for ts in sorted(I18N.glob("*.ts")):
            copy = Path(scratch) / ts.name
            shutil.copy(ts, copy)
            lupdate([copy])
            problems += catalogue_problems(ts, copy)
    for line in problems:
        print(line)
    if problems:
        print(f"i18n: {len(problems)} problem(s); scripts/i18n updates the catalogues and "
              "lists what is left to translate", file=sys.stderr)  # fmt: skip
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
