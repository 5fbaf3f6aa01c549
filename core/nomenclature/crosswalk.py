"""Crosswalks between nomenclature versions: the derived one on file, and proposals.

No official old -> new crosswalk exists for bidang 1.06. :func:`load_derived_crosswalk` reads
the one in ``data/`` that was derived by matching names (050-3708/2020 -> 900.1.15.5-1317/2023,
kab/kota, sub kegiatan only). :func:`propose` suggests matches for any pair of lists by name
similarity, constrained by a program mapping, for a person to confirm. Both are deterministic.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable, Mapping, Sequence

from .loader import CROSSWALK_CSV, read_csv
from .model import NomenclatureItemSpec
from .names import NameScorer, normalise_name

KINDS = ("same", "renamed", "renumbered", "split", "merged", "retired", "new")
BASES = ("official", "derived-name", "name-similarity", "program-mapping", "manual")

#: Confidence given to each match status of the derived crosswalk file.
DERIVED_CONFIDENCE = {
    "same_code": Decimal("0.95"),  # same position, same name after normalisation
    "renumbered_same_parent": Decimal("0.90"),
    "new_in_2023_or_renamed": Decimal("0.50"),  # the file itself cannot tell new from renamed
}

#: Which target levels an item of each level may match.
LEVEL_TARGETS = {
    "urusan": ("urusan",),
    "bidang_urusan": ("bidang_urusan",),
    "program": ("program",),
    # a Permendagri 13 kegiatan is as fine-grained as a sub kegiatan of the newer lists
    "kegiatan": ("kegiatan", "sub_kegiatan"),
    "sub_kegiatan": ("sub_kegiatan", "kegiatan"),
}

#: A candidate outside the mapped programs keeps this share of its similarity as confidence.
UNMAPPED_PENALTY = Decimal("0.8")


@dataclass(frozen=True)
class CrosswalkRow:
    """One old code's fate in a newer version.

    ``to_codes`` is empty for a retired code; ``from_code`` is None for a new one. Several
    rows with the same single ``to_code`` and kind ``merged`` describe a merge; one row with
    several ``to_codes`` and kind ``split`` a split.
    """

    from_code: str | None
    to_codes: tuple[str, ...]
    kind: str
    confidence: Decimal
    basis: str
    note: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown crosswalk kind {self.kind!r}")
        if self.basis not in BASES:
            raise ValueError(f"unknown crosswalk basis {self.basis!r}")
        if not Decimal(0) <= self.confidence <= Decimal(1):
            raise ValueError(f"confidence out of 0..1: {self.confidence}")


@dataclass(frozen=True)
class Crosswalk:
    """A crosswalk between two versions for one jurisdiction."""

    from_version: str
    to_version: str
    jurisdiction: str
    rows: tuple[CrosswalkRow, ...]
    source: str = ""

    def counts(self) -> dict[str, int]:
        """Return the number of rows of each kind (zero included)."""
        out = dict.fromkeys(KINDS, 0)
        for row in self.rows:
            out[row.kind] += 1
        return out

    def targets(self, from_code: str) -> tuple[CrosswalkRow, ...]:
        """Return the rows of ``from_code``."""
        return tuple(r for r in self.rows if r.from_code == from_code)


def load_derived_crosswalk() -> Crosswalk:
    """Load the derived 050-3708/2020 -> 900.1.15.5-1317/2023 kab/kota crosswalk.

    Basis ``derived-name`` throughout. ``same_code`` rows become ``same`` (or ``renamed`` where
    the printed names differ beyond :func:`normalise_name`), ``renumbered_same_parent``
    ``renumbered``, ``new_in_2023_or_renamed`` ``new``. Old codes that share one new code are
    marked ``merged``. The file's own status is kept in each note.
    """
    rows: list[CrosswalkRow] = []
    raw = read_csv(CROSSWALK_CSV)
    fan_in: dict[str, int] = defaultdict(int)
    for r in raw:
        if r["old_code_050-3708_2020"]:
            fan_in[r["new_code_900.1.15.5-1317_2023"]] += 1
    for r in raw:
        old, new = r["old_code_050-3708_2020"], r["new_code_900.1.15.5-1317_2023"]
        status = r["match_status"]
        base_status = status.split(" ", 1)[0]
        note = f"file status: {status}"
        if not old:
            kind = "new"
        elif fan_in[new] > 1:
            kind = "merged"
            note += f"; {fan_in[new]} old codes map to {new}"
        elif base_status == "renumbered_same_parent":
            kind = "renumbered"
        elif normalise_name(r["old_name"]) == normalise_name(r["new_name"]):
            kind = "same"
        else:
            kind = "renamed"
        if old and r["old_name"] != r["new_name"]:
            note += f"; printed old name {r['old_name']!r}, new name {r['new_name']!r}"
        rows.append(
            CrosswalkRow(
                from_code=old or None,
                to_codes=(new,) if new else (),
                kind=kind,
                confidence=DERIVED_CONFIDENCE[base_status],
                basis="derived-name",
                note=note,
            )
        )
    return Crosswalk(
        "pmdn90-2019", "kmdn900-1317-2023", "kabkota", tuple(rows),
        source=f"data/{CROSSWALK_CSV} (derived by matching names, not official)",
    )


@dataclass(frozen=True)
class Candidate:
    """A proposed target for an old item, with how sure and why."""

    code: str
    name: str
    level: str
    confidence: Decimal
    basis: str


@dataclass(frozen=True)
class Proposal:
    """Ranked candidates (best first) for one old item; empty when nothing is alike."""

    from_item: NomenclatureItemSpec
    candidates: tuple[Candidate, ...]

    @property
    def best(self) -> Candidate | None:
        """The top candidate, or None."""
        return self.candidates[0] if self.candidates else None

    def to_row(self) -> CrosswalkRow:
        """Return the top candidate as a :class:`CrosswalkRow` (``retired`` when none)."""
        old = self.from_item
        if self.best is None:
            return CrosswalkRow(old.code, (), "retired", Decimal("0.50"), "name-similarity",
                                "no similar name in the newer list")
        best = self.best
        if normalise_name(best.name) != normalise_name(old.name):
            kind = "renamed"
        else:
            kind = "same" if best.code == old.code else "renumbered"
        return CrosswalkRow(old.code, (best.code,), kind, best.confidence, best.basis,
                            f"proposed: {old.name!r} -> {best.name!r}")


def _last_number(code: str) -> int:
    return int(code.rsplit(".", 1)[-1])


def _program_of(item: NomenclatureItemSpec) -> str | None:
    parts = item.code.split(".")
    return ".".join(parts[:3]) if len(parts) >= 3 else None


def _confidence(score: float, factor: Decimal = Decimal(1)) -> Decimal:
    return (Decimal(repr(score)) * factor).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def program_scores(
    from_items: Sequence[NomenclatureItemSpec],
    to_items: Sequence[NomenclatureItemSpec],
    *,
    vote_threshold: float = 0.6,
    min_score: float = 0.05,
    scorer: NameScorer | None = None,
) -> dict[str, tuple[tuple[str, float], ...]]:
    """Map each old program code to ``(new program code, score)`` pairs, best first.

    The score (0..1) is ``(name + 2 x votes) / 3``: ``name`` is the similarity of the two
    program names, ``votes`` the mean over the old program's items of their best similarity
    within the new program, counted only where it reaches ``vote_threshold``. Programs
    scoring at least ``min_score`` and half the best score are kept; none may be.
    """
    scorer = scorer or NameScorer([i.name for i in (*from_items, *to_items)])
    new_programs = {i.code: i for i in to_items if i.level == "program"}
    targets_by_program: dict[str, list[NomenclatureItemSpec]] = defaultdict(list)
    for item in to_items:
        if item.level in ("kegiatan", "sub_kegiatan") and _program_of(item) in new_programs:
            targets_by_program[_program_of(item)].append(item)
    out: dict[str, tuple[tuple[str, float], ...]] = {}
    for program in (i for i in from_items if i.level == "program"):
        children = [
            i for i in from_items
            if i.level in ("kegiatan", "sub_kegiatan") and _program_of(i) == program.code
        ]
        scores = {}
        for code, new_program in new_programs.items():
            votes = 0.0
            for child in children:
                best = max((scorer.score(child.name, t.name) for t in targets_by_program[code]
                            if t.level in LEVEL_TARGETS[child.level]), default=0.0)
                if best >= vote_threshold:
                    votes += best
            vote_share = votes / len(children) if children else 0.0
            scores[code] = (scorer.score(program.name, new_program.name) + 2 * vote_share) / 3
        top = max(scores.values(), default=0.0)
        kept = [c for c, v in scores.items() if v >= max(top / 2, min_score)]
        kept.sort(key=lambda c: (-scores[c], c))
        out[program.code] = tuple((c, scores[c]) for c in kept)
    return out


def map_programs(
    from_items: Sequence[NomenclatureItemSpec],
    to_items: Sequence[NomenclatureItemSpec],
    **options,
) -> dict[str, tuple[str, ...]]:
    """Map each old program code to the new program codes its items most resemble.

    See :func:`program_scores` for the rule and ``options``.
    """
    return {
        old: tuple(code for code, _ in pairs)
        for old, pairs in program_scores(from_items, to_items, **options).items()
    }


def propose(
    from_items: Iterable[NomenclatureItemSpec],
    to_items: Iterable[NomenclatureItemSpec],
    *,
    program_map: Mapping[str, Sequence[str]] | None = None,
    limit: int = 3,
    min_similarity: float = 0.45,
) -> tuple[Proposal, ...]:
    """Propose, for every old item, up to ``limit`` new items ranked by confidence.

    Candidates are new items of a compatible level (:data:`LEVEL_TARGETS`) whose name
    similarity (:class:`core.nomenclature.names.NameScorer` over both lists) reaches
    ``min_similarity``.
    Candidates under the new programs mapped to the old item's program
    (:func:`program_scores`, or ``program_map`` when given) rank first, with basis
    ``program-mapping`` and confidence = similarity; others follow with basis
    ``name-similarity`` and confidence = similarity x :data:`UNMAPPED_PENALTY`. An old
    program's candidates are the programs mapped to it (whatever their score), scored by the
    better of name similarity and mapping score (1.0 for a given ``program_map``).
    Ties go to the candidate under the same parent code, then with the same number, then
    by code, so the result is deterministic.
    """
    old_list, new_list = list(from_items), list(to_items)
    scorer = NameScorer([i.name for i in (*old_list, *new_list)])
    if program_map is not None:
        mapped_scores = {k: tuple((c, 1.0) for c in v) for k, v in program_map.items()}
    else:
        mapped_scores = program_scores(old_list, new_list, scorer=scorer)
    mapping = {k: tuple(c for c, _ in v) for k, v in mapped_scores.items()}
    proposals = []
    for item in old_list:
        mapped = set(mapping.get(_program_of(item) or "", ()))
        scored = []
        for target in new_list:
            if target.level not in LEVEL_TARGETS[item.level]:
                continue
            score = scorer.score(item.name, target.name)
            mapped_program = item.level == "program" and target.code in mapped
            if mapped_program:
                score = max(score, dict(mapped_scores[item.code])[target.code])
            if score < min_similarity and not mapped_program:
                continue
            in_mapping = item.level in ("urusan", "bidang_urusan") or (
                _program_of(target) in mapped
            )
            if in_mapping:
                conf, basis = _confidence(score), "program-mapping"
            else:
                conf, basis = _confidence(score, UNMAPPED_PENALTY), "name-similarity"
            rank = (
                not in_mapping,
                -conf,
                target.parent_code != item.parent_code,  # ties: same parent first,
                _last_number(target.code) != _last_number(item.code),  # then same number,
                tuple(int(p) for p in target.code.split(".")),  # then code
            )
            scored.append((rank, Candidate(target.code, target.name, target.level, conf, basis)))
        scored.sort(key=lambda pair: pair[0])
        candidates = tuple(candidate for _, candidate in scored[:limit])
        proposals.append(Proposal(item, candidates))
    return tuple(proposals)
