"""The XLSX export's rows, made with one string format per row where that is safe.

The sheet's XML (``core/xlsx_sheet.py``) for raw history rows, in one pass like the CSV's
lines (``export_csv.py``): times turned local by the hour, and a row whose text cells are
printable ASCII with nothing XML escapes (``fits``: one join, a few C-level checks) goes into
the row template as it is. Any other row has its text made plain and goes cell by cell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import compress
from operator import itemgetter, ne
from typing import Any

from dialer_app.core.history.export_csv import Times
from dialer_app.core.xlsx_sheet import NONE, RowXml, fits

Raw = Sequence[Any]


def xlsx_rows(
    batches: Iterable[Sequence[Raw]],
    kinds: Sequence[str],
    local: Times,
    text: Callable[[object], str],
) -> Iterator[list[str]]:
    """Each batch of raw rows as its rows of sheet XML, numbered from 2; ``kinds`` says per
    column whether it is "text", "time" (stored UTC, shown local by ``local``) or "count"."""
    times = [at for at, kind in enumerate(kinds) if kind == "time"]
    texts = [at for at, kind in enumerate(kinds) if kind == "text"]
    counts = [at for at, kind in enumerate(kinds) if kind == "count"]
    pick = itemgetter(*texts, *times)  # the times too: a damaged one could hold anything
    numbers = itemgetter(*counts)
    sheet = RowXml(len(kinds), counts)
    templates = sheet.templates
    hours = local.hours
    number = 1
    for batch in batches:
        out: list[str] = []
        append = out.append
        for raw in batch:
            number += 1
            row = list(raw)
            for at in times:
                value = row[at]
                if not value:
                    row[at] = ""
                    continue
                hour = hours.get(value[:13])
                row[at] = hour[0] + value[13:19] + hour[1] if hour else local(value)
            digits = "0" + "".join(map(str, numbers(raw)))  # counts: ints or ""
            joined = "|".join(pick(row))
            if fits(joined) and digits.isdigit() and digits.isascii():
                shape = tuple(map(ne, row, NONE))
                template, size = templates.get(shape) or sheet.template(shape)
                args: list[object] = [number] * size
                args[2::2] = compress(row, shape)
                append(template % tuple(args))
                continue
            for at in texts:
                row[at] = text(row[at])
            append(sheet.row(number, row))
        yield out
