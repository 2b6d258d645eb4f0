"""A one-sheet XLSX workbook written row by row: the sheet's XML made here, streamed into the zip.

XlsxWriter makes several Python calls per cell (19 million for a million history rows); here
a row whose text needs no escaping is one ``%`` format (``RowXml``) and a batch one write, so
a sheet costs about twice its CSV. What it writes is what the exports wrote with XlsxWriter:

- a text cell is an inline string (``t="inlineStr"``): never a formula, written as given,
  with ``&``, ``<``, ``>`` and ``"`` escaped, a carriage return as ``_x000D_``, and leading
  or trailing spaces kept; an empty text is a blank cell;
- an ``int`` is a number cell;
- the first row is the column titles in bold, frozen above the rest.

Only what a spreadsheet needs is in the package: content types, the relationships, the
workbook, the styles (plain and bold) and the sheet. A text longer than Excel's 32,767
characters is cut there (as XlsxWriter did); the sheet holds at most Excel's 1,048,576 rows.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Collection, Iterable, Sequence
from itertools import compress, repeat
from operator import ne
from pathlib import Path

from dialer_app.core.errors import TooManyRows

MAX_ROWS = 1_048_576
MAX_TEXT = 32_767

_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_OFFICE = "application/vnd.openxmlformats-officedocument.spreadsheetml"

_CONTENT_TYPES = (
    f'{_HEAD}<Types xmlns="{_PKG}/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_OFFICE}.sheet.main+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_OFFICE}.styles+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_OFFICE}.worksheet+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    f'{_HEAD}<Relationships xmlns="{_PKG}/relationships"><Relationship Id="rId1" '
    f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_BOOK_RELS = (
    f'{_HEAD}<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/></Relationships>'
)
_STYLES = (
    f'{_HEAD}<styleSheet xmlns="{_MAIN}"><fonts count="2">'
    '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    '</cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" '
    'xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)
_SHEET_START = (
    f'{_HEAD}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><sheetViews>'
    '<sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
    'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView>'
    "</sheetViews><sheetData>"
)
_SHEET_END = "</sheetData></worksheet>"


def _book(name: str) -> str:
    return (
        f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
        f'<sheet name="{escape(name)}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )


def escape(text: str) -> str:
    """Text as XML character data: ``&``, ``<``, ``>`` and ``"`` escaped, a carriage return as
    ``_x000D_`` (and a literal ``_xHHHH_`` kept literal), cut at Excel's limit.

    Characters XML cannot hold (U+FFFE, U+FFFF; the exports have already turned control
    characters into spaces) become U+FFFD.
    """
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT]
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "_x" in text:  # a literal "_x000D_" would read back as a carriage return
        text = _ESCAPE_LIKE.sub(r"_x005F\1", text)
    if "\r" in text:  # XML reads a bare CR as a line feed
        text = text.replace("\r", "_x000D_")
    if "\ufffe" in text or "\uffff" in text:
        text = text.replace("\ufffe", "\ufffd").replace("\uffff", "\ufffd")
    return text


def column_name(index: int) -> str:
    """A column's letters: 0 is ``A``, 25 ``Z``, 26 ``AA``."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _text_cell(ref: str, text: str, style: str = "") -> str:
    """A text cell; ``xml:space`` keeps a space (or tab, newline) at either end."""
    keep = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f'<c r="{ref}"{style} t="inlineStr"><is><t{keep}>{text}</t></is></c>'


_ESCAPE_LIKE = re.compile("(_x[0-9A-Fa-f]{4}_)")
NONE = repeat("")  # map(ne, row, NONE): which cells are there


def fits(joined: str) -> bool:
    """Whether texts joined by ``|`` go into a row template as they are: printable ASCII with
    nothing XML escapes, no ``_x`` (read back as an escape) and no space at either end of a
    cell (XML would drop it without ``xml:space``). A few C-level checks."""
    return (
        len(joined) <= MAX_TEXT
        and joined.isascii()
        and joined.isprintable()
        and "&" not in joined
        and "<" not in joined
        and ">" not in joined
        and '"' not in joined
        and "_x" not in joined
        and joined[:1] != " "
        and joined[-1:] != " "
        and "| " not in joined
        and " |" not in joined
    )


def write_sheet(
    target: Path, sheet: str, titles: Sequence[str], chunks: Iterable[Sequence[str]]
) -> int:
    """Write ``titles`` (bold, frozen) then every row of ``chunks`` (each a batch of rows as
    ``RowXml`` writes them, numbered from 2 on) to ``target``; how many rows.

    Raises ``ValueError`` before writing a row past Excel's last one.
    """
    letters = [column_name(index) for index in range(len(titles))]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            head = "".join(
                _text_cell(f"{letter}1", escape(title), ' s="1"')
                for letter, title in zip(letters, titles, strict=True)
            )
            part.write(f'{_SHEET_START}<row r="1">{head}</row>'.encode())
            count = 0
            for chunk in chunks:
                if count + len(chunk) >= MAX_ROWS:
                    raise TooManyRows(
                        f"An XLSX sheet holds at most {MAX_ROWS - 1:,} rows, and there are more"
                        " to export: export as CSV, or a shorter time range."
                    )
                part.write("".join(chunk).encode())
                count += len(chunk)
            part.write(_SHEET_END.encode())
        book.writestr("[Content_Types].xml", _CONTENT_TYPES)
        book.writestr("_rels/.rels", _ROOT_RELS)
        book.writestr("xl/workbook.xml", _book(sheet))
        book.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS)
        book.writestr("xl/styles.xml", _STYLES)
    return count


class RowXml:
    """Rows of a sheet as its XML, a row whose cells allow it in one ``%`` format.

    A column of ``numbers`` holds an ``int`` (a number cell) or ``""``; the others a ``str``
    (a text cell, ``""`` for none: no cell). The template for each pattern of empty cells
    is made once (a history has a handful: the outcome decides which are empty).
    """

    def __init__(self, width: int, numbers: Collection[int] = ()) -> None:
        self.letters = [column_name(index) for index in range(width)]
        self.numbers = frozenset(numbers)
        self._cells = [
            f'<c r="{letter}%d"><v>%s</v></c>'
            if index in self.numbers
            else f'<c r="{letter}%d" t="inlineStr"><is><t>%s</t></is></c>'
            for index, letter in enumerate(self.letters)
        ]
        self.templates: dict[tuple[bool, ...], tuple[str, int]] = {}
        self._full = 2 * width + 1

    def fast(self, number: int, row: Sequence[str | int]) -> str:
        """Row ``number``: its texts ``fit`` and its number columns hold ints or "" (the
        caller checked)."""
        template, size = self.template(tuple(map(ne, row, NONE)))
        args: list[object] = [number] * size
        args[2::2] = row if size == self._full else compress(row, map(ne, row, NONE))
        return template % tuple(args)

    def template(self, shape: tuple[bool, ...]) -> tuple[str, int]:
        """The ``%`` template for a row whose cells are there where ``shape`` is true (``row
        != ""``, a cell by cell ``map(ne, row, NONE)``), and how many arguments it takes: the
        row's number, then each cell's number and value."""
        known = self.templates.get(shape)
        if known is None:
            cells = [cell for cell, there in zip(self._cells, shape, strict=True) if there]
            row = f'<row r="%d">{"".join(cells)}</row>' if cells else "%.0s"  # none: no row
            known = row, 2 * len(cells) + 1
            self.templates[shape] = known
        return known

    def row(self, number: int, row: Sequence[str | int]) -> str:
        """Row ``number``, any cells: ``fast`` when they allow it, else cell by cell."""
        texts = [cell for cell in row if isinstance(cell, str)]
        numbers = all(type(row[index]) is int or row[index] == "" for index in self.numbers)
        if numbers and len(row) == len(self.letters) and fits("|".join(texts)):
            return self.fast(number, row)
        return self.cell_by_cell(number, row)

    def cell_by_cell(self, number: int, row: Sequence[str | int]) -> str:
        """Row ``number`` with every text escaped: what ``fast`` writes, for any text."""
        cells = []
        for index, (letter, cell) in enumerate(zip(self.letters, row, strict=False)):
            if cell == "":
                continue
            if index in self.numbers and type(cell) is int:
                cells.append(f'<c r="{letter}{number}"><v>{cell}</v></c>')
            else:
                cells.append(_text_cell(f"{letter}{number}", escape(str(cell))))
        return f'<row r="{number}">{"".join(cells)}</row>' if cells else ""
