"""Name normalisation and similarity for nomenclature names.

Two printings of the same name differ in case, spacing, punctuation (``Spiritual dan`` vs
``Spiritual, dan``), hyphen spacing (``Perundang- Undangan``) and conversion artefacts
(``NAPZArn``, a CR/LF that lost its backslashes) and spelling variants of one word
(``Kerjasama`` / ``Kerja Sama``). :func:`normalise_name` removes exactly these differences and
nothing else, so equal normalised names are the same words.

:func:`similarity` is a looser, deterministic score for proposing matches between versions:
it also folds known synonyms of the old and new vocabulary (``PNS`` -> ``ASN``, ``cacat`` ->
``disabilitas``) and drops function words.
"""

from __future__ import annotations

import math
import re
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Iterable

# An upper-case word followed by a literal "rn": an escaped CR/LF whose backslashes were lost.
_CRLF_ARTEFACT = re.compile(r"(?<=[A-Z])rn\b")
_HYPHEN_SPACES = re.compile(r"\s*-\s*")
_SLASH_SPACES = re.compile(r"\s*/\s*")
_PUNCT = re.compile(r"[^\w/\-() ]+")
_SPACES = re.compile(r"\s+")

#: Spellings of one word (not synonyms, not typos), folded to the standard (KBBI) spelling.
SPELLING_VARIANTS = {"kerjasama": "kerja sama"}


def normalise_name(name: str) -> str:
    """Return ``name`` folded for equality: case, spacing, punctuation, CR/LF artefacts.

    >>> normalise_name("Pemberian Bimbingan Fisik, Mental, Spiritual, dan Sosial")
    'pemberian bimbingan fisik mental spiritual dan sosial'
    >>> normalise_name("Sosialisasi Peraturan Perundang- Undangan")
    'sosialisasi peraturan perundang-undangan'
    """
    text = _CRLF_ARTEFACT.sub("", name)
    text = text.casefold()
    text = _HYPHEN_SPACES.sub("-", text)
    text = _SLASH_SPACES.sub("/", text)
    text = _PUNCT.sub(" ", text)
    words = [SPELLING_VARIANTS.get(w, w) for w in text.split()]
    return " ".join(words)


#: Words that carry no meaning for matching.
STOPWORDS = frozenset(
    """dan di ke dari bagi yang dalam serta atau terhadap kepada pada untuk dengan oleh
    antar beserta para tentang termasuk program""".split()
)

#: Old spelling or vocabulary -> the newer word, applied token by token before comparing.
SYNONYMS = {
    "pns": "asn",
    "cacat": "disabilitas",
    "lansia": "lanjut",
    "jompo": "lanjut",
    "ketrampilan": "keterampilan",
    "mebeleur": "mebel",
    "tewas": "meninggal",
    "pmks": "ppks",
    "spritual": "spiritual",
    "kelayanan": "layanan",
    "pelayanan": "layanan",
    "makanan": "permakanan",
    "sikronisasi": "sinkronisasi",
    "centre": "center",
    "pedamping": "pendamping",
    "penganti": "pengganti",
    "bencanakabupaten": "bencana",
}


@lru_cache(maxsize=8192)
def tokens(name: str) -> tuple[str, ...]:
    """Return the meaningful tokens of ``name``: normalised, synonyms folded, no stopwords."""
    words = re.split(r"[\s/\-()]+", normalise_name(name))
    out = []
    for word in words:
        word = SYNONYMS.get(word, word)
        if word and word not in STOPWORDS:
            out.append(word)
    return tuple(out)


@lru_cache(maxsize=65536)
def similarity(a: str, b: str) -> float:
    """Score how alike two names are, from 0.0 (nothing shared) to 1.0 (same words).

    The mean of the token Dice coefficient and the :class:`difflib.SequenceMatcher` ratio of
    the token strings, so both shared words and their order count; 0.0 when no token is
    shared. ``program`` is a stopword, so program names compare by what they are about.
    """
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    sa, sb = set(ta), set(tb)
    shared = len(sa & sb)
    if not shared:
        return 0.0
    dice = 2 * shared / (len(sa) + len(sb))
    ratio = SequenceMatcher(None, " ".join(ta), " ".join(tb), autojunk=False).ratio()
    return (dice + ratio) / 2


class NameScorer:
    """Similarity weighted by how rare each token is among a set of names.

    Words that nearly every name shares (``penyediaan``, ``sosial``, ``kabupaten``) weigh
    little, so ``Penyediaan jasa surat menyurat`` is not close to ``Penyediaan Sandang``.
    The weight of a token is ``ln(N / df)`` over the ``N`` names given (at least 0.1). The
    score mixes the weighted Dice coefficient (1/2), the weighted containment of the smaller
    name in the larger (1/4) and the :class:`difflib.SequenceMatcher` ratio of the token
    strings (1/4).
    """

    def __init__(self, names: Iterable[str]) -> None:
        unique = sorted(set(names))
        df: dict[str, int] = {}
        for name in unique:
            for token in set(tokens(name)):
                df[token] = df.get(token, 0) + 1
        total = max(len(unique), 1)
        self._weights = {t: max(math.log(total / n), 0.1) for t, n in df.items()}
        self._cache: dict[tuple[str, str], float] = {}

    def weight(self, token: str) -> float:
        """Return the weight of ``token`` (rare tokens weigh more; unseen ones most)."""
        return self._weights.get(token, math.log(max(len(self._weights), 2)))

    def score(self, a: str, b: str) -> float:
        """Score how alike ``a`` and ``b`` are, from 0.0 to 1.0; 0.0 if no token is shared."""
        key = (a, b)
        if key not in self._cache:
            self._cache[key] = self._score(a, b)
        return self._cache[key]

    def _score(self, a: str, b: str) -> float:
        ta, tb = tokens(a), tokens(b)
        sa, sb = set(ta), set(tb)
        shared = sa & sb
        if not shared:
            return 0.0
        wa = sum(self.weight(t) for t in sa)
        wb = sum(self.weight(t) for t in sb)
        ws = sum(self.weight(t) for t in shared)
        dice = 2 * ws / (wa + wb)
        containment = ws / min(wa, wb)
        ratio = SequenceMatcher(None, " ".join(ta), " ".join(tb), autojunk=False).ratio()
        return dice / 2 + containment / 4 + ratio / 4
