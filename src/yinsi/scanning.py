"""Scanning files: walk → decode → chunk → analyze → located, masked, digested findings.

This wires the file stages together for `yinsi.scan()` and the `yinsi scan` command, the way
`pipeline.py` wires normalisation and recognizers for one text. A scan is an iterable of findings;
skipped files and read errors are counted in `Scan.stats()` and told to an optional observer as they
happen, so one unreadable file never stops a scan of thousands.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from yinsi._analyze import default_analyzer
from yinsi.core.digest_key import DigestKey, load_digest_key
from yinsi.core.entities import ENTITY_TYPES, check_entity_names
from yinsi.core.errors import ConfigurationError
from yinsi.core.privacy import keyed_digest, mask_preview
from yinsi.core.types import Finding, Location
from yinsi.pipeline import Analyzer
from yinsi.recognizers.base import Recognizer
from yinsi.sources.fields import MAX_PREFIX_CHARS, FieldNamer, namer_for
from yinsi.sources.files import READ_ERRORS, describe_read_error, open_binary, read_text
from yinsi.sources.walk import STDIN, FileEntry, Skipped, walk
from yinsi.text.chunking import DEFAULT_CHUNK_CHARS, DEFAULT_OVERLAP_CHARS, Chunker, LineLocator, TextChunk

# Bare pattern matches without a passed validator or a context word score 0.3–0.45; validated
# identifiers and context-confirmed ones score 0.5 and more. Reports keep the latter by default.
DEFAULT_MIN_SCORE = 0.5
STDIN_NAME = "<stdin>"


@dataclass(frozen=True, slots=True)
class ScanSettings:
    """What a file scan looks for and how; passed explicitly (no global settings)."""

    entities: frozenset[str] | None = None
    min_score: float = DEFAULT_MIN_SCORE
    exclude: tuple[str, ...] = ()
    max_file_size: int | None = None
    include_values: bool = False
    language: str = "zh"
    chunk_chars: int = DEFAULT_CHUNK_CHARS
    overlap_chars: int = DEFAULT_OVERLAP_CHARS

    def __post_init__(self) -> None:
        if not 0.0 <= self.min_score <= 1.0:
            raise ConfigurationError(f"minimum score {self.min_score} is outside [0, 1]")
        if self.chunk_chars < 1 or self.overlap_chars < 0:
            raise ConfigurationError("chunk size must be positive and overlap non-negative")
        if self.max_file_size is not None and self.max_file_size < 0:
            raise ConfigurationError("maximum file size must not be negative")


@dataclass(frozen=True, slots=True)
class FileError:
    """A path that could not be read; `message` names the OS reason, never file content."""

    path: str
    message: str


@dataclass(frozen=True, slots=True)
class ScanStats:
    """Counts of a finished (or interrupted) scan."""

    files_scanned: int = 0
    bytes_read: int = 0
    chars_scanned: int = 0
    findings: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    encodings: dict[str, int] = field(default_factory=dict)
    errors: tuple[FileError, ...] = ()


class ScanObserver(Protocol):
    """Told about a scan's progress; the CLI draws a progress bar and prints errors with it."""

    def file_started(self, path: str) -> None: ...

    def bytes_read(self, count: int) -> None: ...

    def skipped(self, entry: Skipped) -> None: ...

    def error(self, error: FileError) -> None: ...


class Scan:
    """One scan of files and directories: iterate it (once) for findings, by file, then position."""

    def __init__(
        self,
        paths: Sequence[str],
        settings: ScanSettings,
        digest_key: DigestKey,
        *,
        analyzer: Analyzer | None = None,
        observer: ScanObserver | None = None,
        jobs: int | None = 1,
    ) -> None:
        self.paths = tuple(paths)
        self.settings = settings
        self.digest_key = digest_key
        self._jobs = jobs
        # Worker processes build the default analyzer themselves; a caller's own analyzer stays here.
        self._parallel_ok = analyzer is None
        self._analyzer = analyzer if analyzer is not None else default_analyzer()
        self._recognizers: tuple[Recognizer, ...] = self._analyzer.select(
            settings.entities, settings.language
        )
        self._observer = observer
        self._plan: list[FileEntry | Skipped] | None = None
        self._started = False
        self._files = 0
        self._bytes = 0
        self._chars = 0
        self._findings = 0
        self._skipped: Counter[str] = Counter()
        self._encodings: Counter[str] = Counter()
        self._errors: list[FileError] = []

    def plan(self) -> list[FileEntry | Skipped]:
        """Every path the scan will read or skip, walked once (sizes let a progress bar show bytes)."""
        if self._plan is None:
            self._plan = list(
                walk(self.paths, exclude=self.settings.exclude, max_file_size=self.settings.max_file_size)
            )
        return self._plan

    def stats(self) -> ScanStats:
        return ScanStats(
            files_scanned=self._files,
            bytes_read=self._bytes,
            chars_scanned=self._chars,
            findings=self._findings,
            skipped=dict(sorted(self._skipped.items())),
            encodings=dict(sorted(self._encodings.items())),
            errors=tuple(self._errors),
        )

    def __iter__(self) -> Iterator[Finding]:
        if self._started:
            raise RuntimeError("a Scan is iterated once; create another to scan again")
        self._started = True
        plan = self.plan()
        jobs = self._jobs_for(plan)
        if jobs > 1:
            yield from self._iter_parallel(plan, jobs)
            return
        for entry in plan:
            if isinstance(entry, Skipped):
                self._skip(entry)
            else:
                yield from self.scan_entry(entry)

    def _jobs_for(self, plan: Sequence[FileEntry | Skipped]) -> int:
        files = [entry for entry in plan if isinstance(entry, FileEntry)]
        if self._jobs == 1 or not self._parallel_ok or any(entry.path == STDIN for entry in files):
            return 1
        from yinsi._scan_pool import auto_jobs

        return auto_jobs(files) if self._jobs is None else max(1, min(self._jobs, len(files)))

    def _iter_parallel(self, plan: Sequence[FileEntry | Skipped], jobs: int) -> Iterator[Finding]:
        from yinsi._scan_pool import scan_files

        files = [entry for entry in plan if isinstance(entry, FileEntry)]
        results = scan_files(files, self.settings, self.digest_key, jobs)
        for entry in plan:
            if isinstance(entry, Skipped):
                self._skip(entry)
                continue
            findings, stats = next(results)
            if self._observer is not None:
                self._observer.file_started(entry.path)
            self._merge(entry.path, stats)
            self._findings += len(findings)
            yield from findings
        next(results, None)  # let the pool shut down normally now, not when collected

    def _skip(self, entry: Skipped) -> None:
        if entry.reason == "error":
            self._fail(entry.path, entry.message)
            return
        self._skipped[entry.reason] += 1
        if self._observer is not None:
            self._observer.skipped(entry)

    def _merge(self, path: str, stats: ScanStats) -> None:
        """Add one file's counts from a worker, telling the observer what it would have seen."""
        self._files += stats.files_scanned
        self._chars += stats.chars_scanned
        self._encodings.update(stats.encodings)
        self._count_bytes(stats.bytes_read)
        for reason, count in stats.skipped.items():
            for _ in range(count):
                self._skip(Skipped(path, reason))
        for error in stats.errors:
            self._fail(error.path, error.message)

    def scan_entry(self, entry: FileEntry) -> Iterator[Finding]:
        """Findings of one file (or standard input) of the plan; counts go to `stats()`."""
        shown = STDIN_NAME if entry.path == STDIN else entry.path
        if self._observer is not None:
            self._observer.file_started(shown)
        try:
            with open_binary(entry.path) as handle:
                stream = read_text(handle, on_bytes=self._count_bytes)
                if stream.detection.binary:
                    self._skipped["binary"] += 1
                    if self._observer is not None:
                        self._observer.skipped(Skipped(shown, "binary"))
                    return
                self._encodings[stream.detection.encoding or "unknown"] += 1
                self._files += 1
                yield from self.scan_text(stream.blocks, shown)
        except READ_ERRORS as error:
            self._fail(shown, describe_read_error(error))

    def scan_text(self, blocks: Iterable[str], path: str) -> Iterator[Finding]:
        """Findings in a text given as blocks, located in `path` (also usable without files)."""
        chunker = Chunker(blocks, size=self.settings.chunk_chars, overlap=self.settings.overlap_chars)
        namer: FieldNamer | None = None
        done = 0  # characters whose findings are settled; a deferred tail is counted by the next chunk
        for chunk in chunker:
            if chunk.own_start == 0:
                namer = namer_for(path, _first_line(chunk.text), self._has_personal_info)
            self._chars += chunk.own_start - done
            done = chunk.own_start
            yield from self._scan_chunk(chunk, chunker, path, namer)
            if chunk.final:
                self._chars += chunk.own_end - done

    def _scan_chunk(
        self, chunk: TextChunk, chunker: Chunker, path: str, namer: FieldNamer | None
    ) -> Iterator[Finding]:
        settings = self.settings
        found = self._analyzer.analyze(
            chunk.text,
            entities=settings.entities,
            language=settings.language,
            score_threshold=settings.min_score,
            recognizers=self._recognizers,
        )
        locator = LineLocator(chunk)
        # A finding ending this close to the cut may go on past it (or be a shorter match of
        # something that does): the next chunk, starting its own region at the finding, sees it whole.
        near_cut = len(chunk.text) - settings.overlap_chars // 2
        for finding in found:
            if not chunk.owns(finding.start, finding.end):
                continue
            if not chunk.final and finding.end > near_cut and chunk.offset + finding.start > chunk.own_start:
                # Later findings start no earlier (they are sorted), so they move along too.
                chunker.defer(chunk.offset + finding.start)
                if namer is not None:
                    namer.settle(chunk, chunk.offset + finding.start)
                return
            line, column = locator.locate(finding.start)
            location = Location(path=path, line=line, column=column)
            if namer is not None:
                line_start = finding.start - (column - 1)
                whole_line = line_start >= 0 and column <= MAX_PREFIX_CHARS
                prefix = chunk.text[line_start:finding.start] if whole_line else None
                name = namer.name(chunk, finding.start, prefix, line)
                location = replace(location, column_name=name.column_name, field=name.field)
            self._findings += 1
            yield self._enrich(finding, chunk, location)
        if namer is not None:
            namer.settle(chunk, chunk.own_end)

    def _has_personal_info(self, text: str) -> bool:
        """Whether any recognizer finds personal information in `text` (a header, a JSON key)."""
        return any(
            entity.personal
            for finding in self._analyzer.analyze(text, score_threshold=self.settings.min_score)
            if (entity := ENTITY_TYPES.get(finding.entity_type)) is not None
        )

    def _enrich(self, finding: Finding, chunk: TextChunk, location: Location) -> Finding:
        value = chunk.text[finding.start:finding.end]
        extra = finding.extra + ((("value", value),) if self.settings.include_values else ())
        return replace(
            finding,
            start=chunk.offset + finding.start,
            end=chunk.offset + finding.end,
            location=location,
            preview=mask_preview(value, finding.entity_type),
            digest=keyed_digest(value, self.digest_key.secret, finding.entity_type),
            extra=extra,
        )

    def _count_bytes(self, count: int) -> None:
        self._bytes += count
        if self._observer is not None:
            self._observer.bytes_read(count)

    def _fail(self, path: str, message: str) -> None:
        error = FileError(path, message)
        self._errors.append(error)
        if self._observer is not None:
            self._observer.error(error)


def scan(
    paths: Sequence[str] | str,
    *,
    entities: Iterable[str] | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
    exclude: Iterable[str] = (),
    max_file_size: int | None = None,
    include_values: bool = False,
    digest_key: DigestKey | None = None,
    analyzer: Analyzer | None = None,
    observer: ScanObserver | None = None,
    jobs: int | None = 1,
) -> Scan:
    """Scan files and directories ("-" is standard input) for personal information.

    Iterate the result for `Finding`s with `location` (path, 1-based line and column), a masked
    `preview` and a keyed `digest`; `start`/`end` are character offsets into the decoded file.
    Raw values are added (as `extra` item "value") only with `include_values=True`. Unreadable files
    do not raise: they are listed in `Scan.stats().errors`. `digest_key` defaults to
    `load_digest_key()` ($YINSI_DIGEST_KEY or a key file created on first use). `jobs` > 1 scans
    files in that many worker processes (None: one per core when there is enough data); findings
    and their order are the same as with one.

    >>> for finding in yinsi.scan(["exports/"]):          # doctest: +SKIP
    ...     print(finding.location.path, finding.entity_type, finding.preview)
    """
    settings = ScanSettings(
        entities=check_entity_names(entities),
        min_score=min_score,
        exclude=tuple(exclude),
        max_file_size=max_file_size,
        include_values=include_values,
    )
    key = digest_key if digest_key is not None else load_digest_key()
    return Scan([paths] if isinstance(paths, str) else paths, settings, key, analyzer=analyzer,
                observer=observer, jobs=jobs)


def _first_line(text: str) -> str:
    """The first line of a text (without BOM and CR), or its first 4 KiB when the line is longer."""
    end = text.find("\n", 0, 4096)
    return (text[:end] if end >= 0 else text[:4096]).lstrip("\ufeff").rstrip("\r")
