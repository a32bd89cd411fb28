"""Scan many files on all cores: a process pool where each worker scans whole files.

Recognizers are CPU-bound Python, so threads would not help (the GIL); processes do (DESIGN.md: "one
machine: a process pool"). Workers are started with "spawn", which is safe whatever threads the parent
runs (a progress bar refreshes from a thread) and behaves the same on every OS. Each worker builds the
default analyzer once and scans whole files; results come back in the plan's order, so a parallel
scan reports exactly what a sequential one does, in the same order.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence

from yinsi.core.digest_key import DigestKey
from yinsi.core.types import Finding
from yinsi.scanning import Scan, ScanSettings, ScanStats
from yinsi.sources.walk import FileEntry

# Below this much data, starting workers (about a second each: import, build recognizers) costs more
# than it saves.
PARALLEL_MIN_BYTES = 16 * 1024 * 1024
MAX_AUTO_JOBS = 8

_worker: tuple[ScanSettings, DigestKey] | None = None


def auto_jobs(files: Sequence[FileEntry]) -> int:
    """Workers worth starting for `files`: one per core, but 1 for small scans."""
    total = sum(entry.size or 0 for entry in files)
    if len(files) < 2 or total < PARALLEL_MIN_BYTES:
        return 1
    return max(1, min(os.cpu_count() or 1, len(files), MAX_AUTO_JOBS))


def scan_files(
    files: Sequence[FileEntry], settings: ScanSettings, key: DigestKey, jobs: int
) -> Iterator[tuple[list[Finding], ScanStats]]:
    """Each file's findings and counts, in the order of `files`.

    If the consumer stops early, fails or is interrupted, the workers are terminated at once rather
    than left to finish files nobody will read.
    """
    pool = multiprocessing.get_context("spawn").Pool(
        processes=jobs, initializer=_start_worker, initargs=(settings, key)
    )
    try:
        yield from pool.imap(_scan_one, files)
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.close()
        pool.join()


def _start_worker(settings: ScanSettings, key: DigestKey) -> None:
    global _worker
    _worker = (settings, key)


def _scan_one(entry: FileEntry) -> tuple[list[Finding], ScanStats]:
    if _worker is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("scan worker not initialised")
    settings, key = _worker
    scan = Scan([entry.path], settings, key)
    findings = list(scan.scan_entry(entry))
    return findings, scan.stats()
