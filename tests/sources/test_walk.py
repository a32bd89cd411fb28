"""Walking directories: sorted, excludes, no symlinks followed, special and oversized files skipped."""

from __future__ import annotations

import inspect
import os
import sys
from pathlib import Path

from yinsi.sources.walk import FileEntry, Skipped, walk


def _tree(root: Path) -> None:
    for relative in ["b.txt", "a/z.log", "a/y.csv", "a/node_modules/dep.js", "c/d/e.json", "c/skip.log",
                     "archive.zip"]:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")


def _files(entries: list[FileEntry | Skipped]) -> list[str]:
    return [entry.path for entry in entries if isinstance(entry, FileEntry)]


def _skipped(entries: list[FileEntry | Skipped]) -> dict[str, str]:
    return {entry.path: entry.reason for entry in entries if isinstance(entry, Skipped)}


def test_recursion_is_sorted_and_deterministic(tmp_path: Path) -> None:
    _tree(tmp_path)
    entries = list(walk([str(tmp_path)]))
    names = [os.path.relpath(path, tmp_path) for path in _files(entries)]
    assert names == ["a/node_modules/dep.js", "a/y.csv", "a/z.log", "b.txt", "c/d/e.json", "c/skip.log"]
    assert _skipped(entries) == {str(tmp_path / "archive.zip"): "unsupported"}


def test_excludes_by_name_and_by_relative_path(tmp_path: Path) -> None:
    _tree(tmp_path)
    entries = list(walk([str(tmp_path)], exclude=["node_modules", "c/*.log", "*.zip"]))
    names = [os.path.relpath(path, tmp_path) for path in _files(entries)]
    assert names == ["a/y.csv", "a/z.log", "b.txt", "c/d/e.json"]
    assert set(_skipped(entries).values()) == {"excluded"}


def test_symlinks_out_of_the_tree_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("13800138000")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "own.txt").write_text("x")
    (tree / "linked-dir").symlink_to(outside, target_is_directory=True)
    (tree / "linked-file").symlink_to(outside / "secret.txt")
    (tree / "loop").symlink_to(tree, target_is_directory=True)
    entries = list(walk([str(tree)]))
    assert _files(entries) == [str(tree / "own.txt")]
    assert sorted(_skipped(entries).values()) == ["symlink", "symlink", "symlink"]


def test_fifo_inside_a_tree_is_skipped_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    assert _skipped(list(walk([str(tmp_path)]))) == {str(tmp_path / "pipe"): "special"}


def test_max_file_size(tmp_path: Path) -> None:
    (tmp_path / "small.txt").write_text("x" * 10)
    (tmp_path / "big.txt").write_text("x" * 11)
    entries = list(walk([str(tmp_path)], max_file_size=10))
    assert _files(entries) == [str(tmp_path / "small.txt")]
    assert _skipped(entries) == {str(tmp_path / "big.txt"): "too_large"}


def test_missing_path_is_an_error_entry(tmp_path: Path) -> None:
    entries = list(walk([str(tmp_path / "nope"), "-"]))
    assert isinstance(entries[0], Skipped) and entries[0].reason == "error"
    assert entries[1] == FileEntry("-")


def test_deep_trees_do_not_hit_the_recursion_limit(tmp_path: Path) -> None:
    # A tree deeper than the recursion limit allows (the limit is lowered so that the tree can stay
    # shallow enough for pytest's own clean-up, which removes directories recursively).
    depth = 150
    path = tmp_path
    for _ in range(depth):
        path = path / "d"
        path.mkdir()
    (path / "deep.txt").write_text("x")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + depth // 2)
    try:
        found = [entry.path for entry in walk([str(tmp_path)])]
    finally:
        sys.setrecursionlimit(limit)
    assert found == [str(path / "deep.txt")]


def test_version_control_directories_are_not_entered(tmp_path: Path) -> None:
    (tmp_path / ".git" / "objects").mkdir(parents=True)
    (tmp_path / ".git" / "objects" / "ab").write_bytes(b"x\x9c" + bytes(50))
    (tmp_path / ".gitignore").write_text("*.log\n")
    entries = list(walk([str(tmp_path)]))
    assert _files(entries) == [str(tmp_path / ".gitignore")]
    assert _skipped(entries) == {str(tmp_path / ".git"): "excluded"}
