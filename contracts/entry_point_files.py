"""A cheap look, before `importlib.metadata`, for whether any distribution declares entry points
in a group.

Importing `importlib.metadata` (email, zipfile, csv, ...) and reading every distribution costs a
short command like `contracts validate` about 30 ms, and nearly always finds no vendor
registered. Here we look the way `importlib.metadata`'s path finder does (the `*.dist-info` and
`*.egg-info` folders, and `EGG-INFO` of an `.egg`, of each `sys.path` folder) for an
`entry_points.txt` that mentions the group at all. When one does, or when anything is there that
we do not look through (a zip on `sys.path`, another finder of distributions on `sys.meta_path`),
the answer is "maybe" and the caller asks `importlib.metadata`, which stays the one reader of
entry points. So "no" is certain; "maybe" costs what it always did.
"""

from __future__ import annotations

import importlib.machinery
import os
import sys

_INFO_SUFFIXES = (".dist-info", ".egg-info")


def _mentions(path: str, group: bytes) -> bool:
    try:
        with open(os.path.join(path, "entry_points.txt"), "rb") as handle:
            return group in handle.read()
    except OSError:  # no such file, or an `.egg-info` file: no entry points there
        return False


def _folder_may_declare(folder: str, group: bytes) -> bool:
    try:
        children = os.listdir(folder)
    except OSError:
        return os.path.exists(folder)  # not a folder: a zip (or a file) we do not read
    for child in children:
        low = child.lower()
        if low.endswith(_INFO_SUFFIXES) and _mentions(os.path.join(folder, child), group):
            return True
    is_egg = os.path.basename(folder).lower().endswith(".egg")
    return is_egg and any(
        child.lower() == "egg-info" and _mentions(os.path.join(folder, child), group)
        for child in children
    )


def group_may_be_declared(group: str) -> bool:
    """False only when no distribution on `sys.path` declares an entry point in `group`."""
    for finder in sys.meta_path:
        if finder is not importlib.machinery.PathFinder and hasattr(finder, "find_distributions"):
            return True  # distributions from elsewhere: leave them to importlib.metadata
    needle = group.encode()
    return any(_folder_may_declare(entry or ".", needle) for entry in sys.path)
