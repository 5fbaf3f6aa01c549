"""Nomenclature (code list) library of Pelita: pure data and functions, no database.

* :mod:`.model`: versions and items (frozen dataclasses), the four known versions.
* :mod:`.loader`: items of each version from the reference CSVs (cached), English names,
  :func:`~.loader.amend` for items a seed prints.
* :mod:`.codes`: parse and validate a code for a version and jurisdiction, with
  translatable messages.
* :mod:`.diff`: added / removed / renamed / renumbered / unchanged between two versions.
* :mod:`.crosswalk`: the derived crosswalk on file and name-similarity proposals.
"""

from .codes import MESSAGES, CodeCheck, Message, check_code, render
from .crosswalk import Crosswalk, CrosswalkRow, Proposal, load_derived_crosswalk, propose
from .diff import DiffRow, NoListError, VersionDiff, diff_items, diff_versions
from .loader import amend, english_name, find_item, has_list, items_for, load_items
from .model import VERSIONS, NomenclatureItemSpec, NomenclatureVersionSpec, get_version

__all__ = [
    "MESSAGES", "CodeCheck", "Message", "check_code", "render",
    "Crosswalk", "CrosswalkRow", "Proposal", "load_derived_crosswalk", "propose",
    "DiffRow", "NoListError", "VersionDiff", "diff_items", "diff_versions",
    "amend", "english_name", "find_item", "has_list", "items_for", "load_items",
    "VERSIONS", "NomenclatureItemSpec", "NomenclatureVersionSpec", "get_version",
]
