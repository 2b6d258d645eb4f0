"""A tolerant editor for ``mimeapps.list``: our lines change, every other byte stays.

The file is a freedesktop key file written by many tools and by hand: it may repeat a section,
hold comments, blank lines, lines that are not ``key=value`` at all, or bytes that are not
UTF-8. ``configparser`` refuses repeated sections and drops comments; this editor works on
lines instead. Only the lines for our MIME types in ``[Default Applications]`` and
``[Added Associations]`` are touched (in every copy of those sections), and the new ones go
into the first copy (or a new section at the end).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

DEFAULTS = "Default Applications"
ADDED = "Added Associations"
_OURS = (DEFAULTS, ADDED)


def set_default(text: str, desktop_id: str, mime_types: Sequence[str]) -> str:
    """``text`` with ``desktop_id`` the default for ``mime_types`` (and first among the added)."""
    lines, others = _without(text, desktop_id, mime_types, drop_defaults=True)
    defaults = [f"{mime}={desktop_id};\n" for mime in mime_types]
    added = [f"{mime}={';'.join([desktop_id, *others.get(mime, [])])};\n" for mime in mime_types]
    lines = _insert(lines, DEFAULTS, defaults)
    return "".join(_insert(lines, ADDED, added))


def remove(text: str, desktop_id: str, mime_types: Sequence[str]) -> str:
    """``text`` without ``desktop_id`` for ``mime_types``; other handlers are kept."""
    lines, others = _without(text, desktop_id, mime_types, drop_defaults=False)
    added = [f"{mime}={';'.join(ids)};\n" for mime, ids in others.items() if ids]
    return "".join(_insert(lines, ADDED, added) if added else _drop_empty(lines))


def edit(path: Path, change: str, desktop_id: str, mime_types: Sequence[str]) -> None:
    """Apply ``set_default`` (``change="set"``) or ``remove`` to the file at ``path``.

    Written to a temporary file beside the real one (through a symbolic link, if it is one)
    and moved over it, so an interrupted write never leaves half a file.
    """
    target = path.resolve() if path.is_symlink() else path
    text = target.read_text("utf-8", "surrogateescape") if target.exists() else ""
    edited = (set_default if change == "set" else remove)(text, desktop_id, mime_types)
    if edited == text and target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".mimeapps-", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", errors="surrogateescape") as out:
            out.write(edited)
        if target.exists():
            os.chmod(temporary, target.stat().st_mode & 0o7777)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _without(
    text: str, desktop_id: str, mime_types: Sequence[str], *, drop_defaults: bool
) -> tuple[list[str], dict[str, list[str]]]:
    """The lines minus ours (see ``set_default``/``remove``), and the other added handlers.

    In ``[Default Applications]`` a line for one of our types is dropped when it names us (or
    always, with ``drop_defaults``). In ``[Added Associations]`` every line for our types is
    dropped and its other handlers collected, in order, to be written back as one line.
    """
    kept: list[str] = []
    others: dict[str, list[str]] = {mime: [] for mime in mime_types}
    section = ""
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1].strip()
        key, equals, value = stripped.partition("=")
        key = key.strip()
        if section not in _OURS or not equals or key not in others:
            kept.append(line)
            continue
        ids = [each.strip() for each in value.split(";") if each.strip()]
        if section == ADDED:
            others[key] += [each for each in ids if each != desktop_id and each not in others[key]]
        elif not drop_defaults and desktop_id not in ids:
            kept.append(line)
        elif not drop_defaults and ids != [desktop_id]:
            kept.append(f"{key}={';'.join(each for each in ids if each != desktop_id)};\n")
    if kept and not kept[-1].endswith("\n"):
        kept[-1] += "\n"
    return kept, others


def _drop_empty(lines: list[str]) -> list[str]:
    """Without the copies of our two sections that hold nothing any more (and the blank line
    before them), as after removing the lines ``set_default`` added to a file without them."""
    kept: list[str] = []
    index = 0
    while index < len(lines):
        header = lines[index].strip()
        end = index + 1
        while end < len(lines) and not lines[end].strip().startswith("["):
            end += 1
        body = lines[index + 1 : end]
        if (
            header[1:-1].strip() in _OURS
            and header.startswith("[")
            and not any(line.strip() for line in body)
        ):
            if kept and not kept[-1].strip():
                kept.pop()
            index = end
            continue
        kept.append(lines[index])
        index += 1
    return kept


def _insert(lines: list[str], section: str, new: list[str]) -> list[str]:
    """``new`` lines right after the first ``[section]`` header, or in a new section at the end."""
    for index, line in enumerate(lines):
        if line.strip() == f"[{section}]":
            return [*lines[: index + 1], *new, *lines[index + 1 :]]
    gap = ["\n"] if lines and lines[-1].strip() else []
    return [*lines, *gap, f"[{section}]\n", *new]
