"""Tabel 6.1 (lines 1197-1326): program, kegiatan and sub kegiatan with targets and pagu.

Columns as the header prints them (lines 1201-1204): 1 name, 2 indicator, 3 satuan,
4 *Capaian 2020* (baseline), 5 *Target Kinerja 2021* (a target, no Rp column), then
(Target, Rp.) pairs headed *Tahun 2022* ... *Tahun 2026* (calendar years 2022-2026), then the
end-of-period pair (*Kondisi Kinerja pada akhir periode Renstra*), 18 responsible unit, 19 location.

The PDF conversion dropped, duplicated and shifted cells in most rows, so every row is
mapped cell by cell to those columns:

* by default (:func:`default_layout`) the row is read from the right: trailing unit/location
  cells, the end pair, then five pairs for 2026 back to 2022; what is left on the left is
  satuan (if it is a word), baseline, the 2021 target and, where a sixth pair is printed, a
  2021 Rp the header does not have;
* rows where that reading puts a target in an Rp column (or the reverse) have an explicit
  layout in :data:`LAYOUTS`, chosen from the row's own five-year totals and its parent's
  yearly sums, with the reason in a comment.

Cells that fit no column are kept as ``unplaced`` and travel as item extras, so every
printed cell of every row is accounted for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .source import cells

TABLE = "Tabel 6.1"
FIRST_LINE, LAST_LINE = 1205, 1325
TOTALS_LINE = 1326
YEARS = (2022, 2023, 2024, 2025, 2026)

_MONEY = re.compile(r"^\d{1,3}([.,]\d{3}){2,}([.,]00)?$|^\d{7,}$")
_SATUAN_WORDS = {"%", "predikat"}

_STD_6 = "name ind sat base t2021 x r2021 t2022 r2022 t2023 r2023 t2024 r2024 t2025 r2025 t2026 r2026 te re"
_REHSOS_ANAK_SHIFT = _STD_6  # lines 1274-1278: a duplicated target before the 2021 Rp

#: Explicit cell layouts (one token per cell, including the name cell) for rows the default
#: reading would misplace. Tokens: name, ind, sat, base, t2021, r2021, t<year>, r<year>,
#: te/re (end of period), unit, lok, x (unplaced), pad (empty trailing cell).
LAYOUTS: dict[int, str] = {
    # 1205-1206: the predicate is printed in the Rp columns as well (merged cells).
    1205: "name ind sat base t2021 t2022 x t2023 x t2024 x t2025 x t2026 x te x pad pad",
    1206: "name ind sat base t2021 t2022 x t2023 x t2024 x t2025 x t2026 x te x pad pad",
    # 1219-1224: a stray cell after the 2023 pair; every year then gets target 1 / end 5 (1219).
    **{ln: "name ind sat base t2021 r2021 t2022 r2022 t2023 r2023 x t2024 r2024 t2025 r2025 "
           "t2026 r2026 te re unit" for ln in range(1219, 1225) if ln != 1223},
    1223: "name ind sat base t2021 r2021 t2022 r2022 t2023 r2023 x t2024 r2024 t2025 r2025 "
          "t2026 r2026 te re unit",
    # 1242-1243: no indicator cell, targets only (no Rp); two trailing cells fit nothing.
    1242: "name sat base t2021 t2022 t2023 t2024 t2025 t2026 te x x pad pad",
    1243: "name sat base t2021 t2022 t2023 t2024 t2025 t2026 te x x pad pad",
    # 1244: targets 2023-2026 not printed; five Rp sum to the printed 880,000,000.
    1244: "name sat base t2021 t2022 r2022 r2023 r2024 r2025 r2026 te re pad pad",
    # 1245-1246: no indicator cell; Rp printed only for some years.
    1245: "name sat base t2021 t2022 r2022 t2023 t2024 t2025 r2026 te re unit lok",
    1246: "name sat base t2021 t2022 r2022 t2023 t2024 t2025 r2025 t2026 r2026 re unit",
    # 1249-1252: 2026 target missing; the end target sits before the 2026 Rp
    # (0+45+45+50+65 = 205 on 1249).
    **{ln: "name ind sat base t2021 t2022 r2022 t2023 r2023 t2024 r2024 t2025 r2025 te r2026 re unit pad"
       for ln in range(1249, 1253)},
    # 1253: end target missing (10+10+25+30+45 = 120).
    1253: "name ind sat base t2021 t2022 r2022 t2023 r2023 t2024 r2024 t2025 r2025 t2026 r2026 re pad pad",
    # 1259: targets only, five repeated end values after them.
    1259: "name ind base t2021 t2022 t2023 t2024 t2025 t2026 te x x x x x x",
    # 1260: targets 2021-2026 first, then Rp for 2024-2026 only, each after a repeated target.
    1260: "name ind base t2021 t2022 t2023 t2024 t2025 t2026 r2024 x r2025 x r2026 te re",
    # 1262-1266: four zero cells after the 2021 target; 2023 Rp missing (80+90+110+120 = 400).
    **{ln: "name ind sat base t2021 x x x x t2022 r2022 t2023 t2024 r2024 t2025 r2025 t2026 r2026 te re unit"
       for ln in range(1262, 1267)},
    **{ln: _REHSOS_ANAK_SHIFT for ln in range(1274, 1279)},
    1280: "name ind base t2021 r2021 t2022 r2022 t2023 r2023 t2024 r2024 t2025 x r2025 t2026 r2026 te re",
    1281: "name ind base t2021 t2022 r2022 t2023 r2023 x t2024 r2024 t2025 x r2025 t2026 r2026 te re",
    # 1282-1284: a repeated target before the 2024 Rp (79,142,000+...+1,625,000,000 = 4,693,942,000).
    **{ln: "name ind base t2021 t2022 r2022 t2023 r2023 x t2024 r2024 t2025 r2025 t2026 r2026 te re pad"
       for ln in range(1282, 1285)},
    # 1286-1294: the name cell is lost; the satuan sits in column 1 and column 2 holds either
    # the sub kegiatan name or its indicator. A stray Rp sits between end target and end Rp.
    **{ln: "sat name base t2022 r2022 t2023 r2023 t2024 r2024 t2025 r2025 t2026 r2026 te x re"
       for ln in range(1286, 1295)},
    # 1308-1311: ten cells before the 2024 pair cannot be placed by year.
    **{ln: "name ind sat base t2021 r2021 x x x x x x x x t2024 r2024 t2025 r2025 t2026 r2026 te re"
       for ln in range(1308, 1312)},
    # 1319-1323: here the first pair is 2022: the program row 1315 prints 1,159,000,000 for
    # 2022 = 34,000,000 (1316) + 1,125,000,000 (1319), and 1,125,000,000 = 1,075,000,000 (1320)
    # + 50,000,000 (1321); 1320-1322 then sum exactly to their printed end Rp.
    1319: "name ind sat base t2021 t2022 r2022 t2023 r2023 t2024 r2024 t2025 r2025 t2026 r2026 x x te re",
    **{ln: "name ind sat base t2022 r2022 t2023 r2023 t2024 x r2024 t2025 r2025 t2026 r2026 x x te re"
       for ln in range(1320, 1323)},
    # 1323: 90,400,000+120,000,000+167,000,000+175,000,000+200,000,000 = 752,400,000.
    1323: "name ind sat base t2022 r2022 t2023 r2023 x t2024 r2024 t2025 r2025 x x t2026 r2026 te re",
    # 1325: 50+165+165+170+175 = 725 and 15.4+10+10+10+10 = 55.4 million.
    1325: "name ind sat base t2022 r2022 t2023 r2023 t2024 r2024 x t2025 r2025 t2026 r2026 x te re",
}


@dataclass
class Row61:
    """One printed row of Tabel 6.1 with its cells placed in the header's columns."""

    line: int
    values: dict[str, str] = field(default_factory=dict)
    unplaced: list[tuple[int, str]] = field(default_factory=list)  # (1-based cell, printed)
    layout: str = "default"
    reading: "Reading | None" = None

    def get(self, token: str) -> str | None:
        return self.values.get(token)


def is_money(text: str) -> bool:
    """Whether a printed cell looks like a Rupiah amount (grouped, or seven digits or more)."""
    return bool(_MONEY.match(text.replace(" ", "")))


def _is_satuan(text: str) -> bool:
    return text.lower() in _SATUAN_WORDS or (bool(re.match(r"^[A-Za-z]", text)) and text != "N/a")


def default_layout(row: list[str]) -> list[str]:
    """Read a row from the right: unit/location, end pair, five year pairs, then the rest."""
    n = len(row)
    tokens = ["name", "ind"] + [""] * (n - 2)
    j = n - 1
    trailing = []
    while j > 1 and (row[j] == "" or (j > n - 4 and re.match(r"^[A-Za-z]", row[j]) and row[j] != "N/a")):
        trailing.append(j)
        j -= 1
    for k in trailing:
        tokens[k] = "pad"
    for k, name in zip([k for k in reversed(trailing) if row[k]], ("unit", "lok")):
        tokens[k] = name
    for name in ["re", "te"] + [f"{p}{y}" for y in reversed(YEARS) for p in ("r", "t")]:
        if j <= 1:
            break
        tokens[j] = name
        j -= 1
    left = list(range(2, j + 1))
    names = []
    if left and _is_satuan(row[left[0]]):
        names.append("sat")
    names += ["base", "t2021"]
    for k in left:
        tokens[k] = names.pop(0) if names else "x"
    # A money cell right before the 2022 pair is the 2021 Rp the header does not print.
    rest = [k for k in left if tokens[k] == "x"]
    if rest and is_money(row[rest[-1]]):
        tokens[rest[-1]] = "r2021"
    return tokens


def parse_row(line: int) -> Row61:
    """Place the cells of one Tabel 6.1 line."""
    row = cells(line)
    if line in LAYOUTS:
        tokens = LAYOUTS[line].split()
        if len(tokens) != len(row):
            raise ValueError(f"{TABLE} line {line}: layout has {len(tokens)} tokens for {len(row)} cells")
        layout = "explicit"
    else:
        tokens, layout = default_layout(row), "default"
    tokens, reading = arbitrate(line, row, tokens)
    if reading.status == "chosen":
        layout = "arbiter"
    result = Row61(line, layout=layout, reading=reading)
    for index, (token, text) in enumerate(zip(tokens, row), start=1):
        if token == "pad" and text == "":
            continue
        if token in ("x", "pad") or token in result.values:
            result.unplaced.append((index, text))
        else:
            result.values[token] = text
    return result


def data_lines() -> list[int]:
    """Every line of Tabel 6.1 that holds a data row (non-blank, below the header)."""
    return [ln for ln in range(FIRST_LINE, LAST_LINE + 1) if any(cells(ln))]


def totals_row() -> list[str]:
    """The printed cells of the yearly totals row (line 1326)."""
    return cells(TOTALS_LINE)


# --------------------------------------------------------------------------- the printed totals as arbiter

from decimal import Decimal  # noqa: E402
from itertools import combinations  # noqa: E402

_GROUPED = re.compile(r"^\d{1,3}([.,]\d{3})+$")


def rupiah(text: str | None) -> Decimal | None:
    """A printed Rp cell as a whole number of rupiah, or None if the cell is no amount.

    A Rupiah amount has no decimals, so every separator of a grouped amount is a thousands
    separator, whatever mark was printed: ``5.000,000`` (line 1274) is 5,000,000.
    """
    text = (text or "").replace(" ", "")
    if text == "0":
        return Decimal(0)
    if _GROUPED.match(text) and len(text) >= 9 or re.fullmatch(r"\d{7,}", text):
        return Decimal(re.sub(r"[.,]", "", text))
    return None


def mixed_separators(text: str | None) -> bool:
    """Whether a cell prints both separators (``5.000,000``), which :func:`rupiah` reads as grouping."""
    text = text or ""
    return "." in text and "," in text


@dataclass
class Reading:
    """How the five yearly Rp of a row were chosen, checked against its printed total."""

    line: int
    status: str  # "fits" (the stored reading adds up), "chosen" (another reading adds up), "none", "several"
    total: Decimal | None
    stored_sum: Decimal | None  # what the yearly Rp of the stored reading add up to
    candidates: int = 0  # readings that add up (distinct yearly amounts)


def _year_sum(values: dict[str, str]) -> Decimal | None:
    result = Decimal(0)
    for year in YEARS:
        printed = values.get(f"r{year}")
        if printed in (None, "", "-"):
            continue
        value = rupiah(printed)
        if value is None:
            return None
        result += value
    return result


def _tokens_for(row: list[str], chosen: tuple[int, ...], end: int) -> list[str]:
    """Layout tokens for a reading whose yearly Rp are the cells ``chosen`` (2022..2026) and
    whose end Rp is cell ``end``."""
    n = len(row)
    tokens = ["x"] * n
    tokens[0], tokens[1] = "name", "ind"
    for k in range(end + 1, n):
        tokens[k] = "pad" if row[k] == "" else "x"
    named = [k for k in range(end + 1, n) if row[k]]
    for k, name in zip(named, ("unit", "lok")):
        if re.match(r"^[A-Za-z]", row[k]):
            tokens[k] = name
    tokens[end] = "re"
    if end - 1 > chosen[-1] and rupiah(row[end - 1]) is None or end - 1 > chosen[-1] and row[end - 1] not in ("0",):
        tokens[end - 1] = "te"
    for year, k in zip(YEARS, chosen):
        tokens[k] = f"r{year}"
        if k - 1 > 1 and tokens[k - 1] == "x" and (k - 1) not in chosen and rupiah(row[k - 1]) in (None, Decimal(0)) \
                and not is_money(row[k - 1]):
            tokens[k - 1] = f"t{year}"
    first = min([k for k, t in enumerate(tokens) if t.startswith(("t2", "r2"))], default=end)
    left = list(range(2, first))
    names = ["sat"] if left and _is_satuan(row[left[0]]) else []
    names += ["base", "t2021"]
    for k in left:
        if names:
            tokens[k] = names.pop(0)
    return tokens


def _targets_fit(row: list[str], chosen: tuple[int, ...], end_target: int | None) -> bool:
    """Whether the targets printed before the chosen Rp add up to the printed end target."""
    if end_target is None:
        return False
    try:
        targets = [Decimal(row[k - 1]) for k in chosen if k - 1 not in chosen]
        return len(targets) == len(chosen) and sum(targets, Decimal(0)) == Decimal(row[end_target])
    except ArithmeticError:
        return False


def arbitrate(line: int, row: list[str], tokens: list[str]) -> tuple[list[str], Reading]:
    """Keep ``tokens`` when its five yearly Rp add up to the row's printed end Rp; otherwise
    look for the readings that do (five amounts, in printed order, among the row's amount
    cells) and take the one reading that fits. Rows where none or several distinct readings
    fit keep ``tokens`` and say so."""
    if "re" not in tokens:
        return tokens, Reading(line, "fits", None, None)
    end = tokens.index("re")
    total = rupiah(row[end])
    values = {t: row[k] for k, t in enumerate(tokens) if t not in ("x", "pad")}
    stored = _year_sum(values)
    if total is None or stored == total:
        return tokens, Reading(line, "fits", total, stored)
    # The reading keeps what the stored one placed left of the yearly columns (satuan,
    # baseline, 2021 target) and its end target; it chooses the five yearly Rp among the cells
    # in between, in printed order.
    lower = max([k for k, t in enumerate(tokens) if t in ("ind", "sat", "base", "t2021")], default=1)
    upper = tokens.index("te") if "te" in tokens and tokens.index("te") < end else end
    amounts = [k for k in range(lower + 1, upper) if rupiah(row[k]) is not None]
    fitting: dict[tuple, tuple[tuple, tuple[int, ...]]] = {}
    for chosen in combinations(amounts, len(YEARS)):
        picked = [rupiah(row[k]) for k in chosen]
        if sum(picked, Decimal(0)) != total:
            continue
        # A printed amount is left out only as a repetition of an amount the reading keeps.
        dropped = [rupiah(row[k]) for k in amounts if k not in chosen and rupiah(row[k])]
        if any(value not in picked for value in dropped):
            continue
        # Prefer (target, Rp) pairs, then the later cells (a repeated pair is the later one).
        # The end target, where it is the sum of the yearly targets, arbitrates between them.
        pairs = sum(1 for k in chosen if k - 1 not in chosen and not is_money(row[k - 1]))
        score = (_targets_fit(row, chosen, upper if upper < end else None), pairs, chosen)
        if tuple(picked) not in fitting or score > fitting[tuple(picked)][0]:
            fitting[tuple(picked)] = (score, chosen)
    if len(fitting) == 1:
        chosen = next(iter(fitting.values()))[1]
        new = _tokens_for(row, chosen, end)
        for k, token in enumerate(tokens):  # keep what the stored reading placed outside the years
            if token in ("sat", "base", "t2021", "te", "unit", "lok") and new[k] in ("x", "pad"):
                new[k] = token
        return new, Reading(line, "chosen", total, stored, 1)
    status = "several" if fitting else "none"
    return tokens, Reading(line, status, total, stored, len(fitting))
