"""`--format table` (the default): a summary for people, by entity type (sensitive first) and by file.

Shows counts, distinct values (by digest), masked examples and what was skipped; never a raw value,
not even with `--show-values` (use a machine-readable format to get values).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from yinsi.core.types import Finding
from yinsi.sinks.output import Output
from yinsi.sinks.plain import plain
from yinsi.sinks.records import ScanMetadata
from yinsi.sinks.summary import Summary

if TYPE_CHECKING:
    from rich.console import Console

FORMAT = "table"
MAX_FILES_SHOWN = 20
REPORT_WIDTH = 120
# Summary table columns, in terminal cells: the longest entity name (CN_HK_MACAU_PERMIT), a Chinese
# name before it wraps, counts up to eight digits, and the part of a masked example that is shown.
ENTITY_WIDTH = 18
CHINESE_WIDTH = 12
COUNT_WIDTH = 8
EXAMPLE_WIDTH = 36
_SKIP_LABELS = {
    "binary": "binary 二进制",
    "excluded": "excluded 已排除",
    "symlink": "symbolic links 符号链接",
    "special": "pipes/devices 特殊文件",
    "too_large": "over --max-file-size 超出大小",
    "unsupported": "unsupported formats 暂不支持的格式",
}


class ConsoleSink:
    def __init__(self, output: Output, *, include_values: bool) -> None:
        self._output = output
        self._summary = Summary()

    def add(self, finding: Finding) -> None:
        self._summary.add(finding)

    def finish(self, meta: ScanMetadata) -> None:
        from rich.console import Console  # lazily: machine-readable formats never need rich

        handle = self._output.handle
        # Files and pipes get a fixed, wide layout; a terminal gets its own width.
        width = None if not self._output.is_file and handle.isatty() else REPORT_WIDTH
        console = Console(file=handle, width=width, highlight=False, soft_wrap=False)
        render_summary(console, self._summary, meta)
        self._output.commit()

    def abort(self) -> None:
        self._output.discard()


def render_summary(console: Console, summary: Summary, meta: ScanMetadata) -> None:
    """Print the by-entity and by-file tables and the totals line to `console`."""
    from rich.table import Table

    stats = meta.stats
    if summary.total:
        table = Table(title="Personal information found 发现的个人信息", title_justify="left")
        # Entity names and counts are never cut; Chinese names and headers may wrap, and a long
        # example (a URL) is cut short with an ellipsis.
        table.add_column("entity 类型", no_wrap=True, min_width=ENTITY_WIDTH)
        table.add_column("中文", max_width=CHINESE_WIDTH, overflow="fold")
        table.add_column("sensitive 敏感", min_width=COUNT_WIDTH)
        for header in ("findings 次数", "distinct 去重", "files 文件"):
            table.add_column(header, justify="right", min_width=COUNT_WIDTH)
        table.add_column("example 示例 (masked)", no_wrap=True, overflow="ellipsis", max_width=EXAMPLE_WIDTH)
        for row in summary.entities():
            table.add_row(
                row.entity_type, row.chinese, "[bold red]yes 是[/]" if row.sensitive else "",
                str(row.count), str(row.distinct_values), str(row.files), plain(row.example or ""),
            )
        console.print(table)
        files = summary.files()
        by_file = Table(title="By file 按文件", title_justify="left")
        by_file.add_column("file 文件")
        by_file.add_column("findings 次数", justify="right")
        by_file.add_column("sensitive 敏感", justify="right")
        for file_row in files[:MAX_FILES_SHOWN]:
            by_file.add_row(plain(file_row.path), str(file_row.count), str(file_row.sensitive or ""))
        if len(files) > MAX_FILES_SHOWN:
            by_file.add_row(f"… {len(files) - MAX_FILES_SHOWN} more files", "", "")
        console.print(by_file)
        fields = summary.fields()
        if fields:
            by_field = Table(title="By column or key 按列/字段", title_justify="left")
            for header in ("file 文件", "column/key 列/字段", "entity 类型"):
                by_field.add_column(header)
            by_field.add_column("findings 次数", justify="right")
            for field_row in fields[:MAX_FILES_SHOWN]:
                by_field.add_row(plain(field_row.path), plain(field_row.field), field_row.entity_type,
                                 str(field_row.count))
            if len(fields) > MAX_FILES_SHOWN:
                by_field.add_row(f"… {len(fields) - MAX_FILES_SHOWN} more", "", "", "")
            console.print(by_field)
    else:
        console.print("No personal information found. 未发现个人信息。")
    console.print(
        f"{summary.total} findings ({summary.sensitive} sensitive) in {stats.files_scanned} files, "
        f"{_size(stats.bytes_read)} read in {meta.duration_seconds:.1f} s. "
        f"共 {summary.total} 处，其中敏感 {summary.sensitive} 处。"
    )
    skipped = [f"{count} {_SKIP_LABELS.get(reason, reason)}" for reason, count in stats.skipped.items()]
    if skipped:
        console.print("Skipped 跳过: " + ", ".join(skipped))
    if stats.errors:
        console.print(f"[bold red]{len(stats.errors)} unreadable 无法读取[/] (see messages above)")
    console.print(plain(f"Digests keyed with {meta.key_source} (key id {meta.key_id})."), style="dim")


def _size(count: int) -> str:
    value = float(count)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GiB"


def create(output: Output, *, include_values: bool) -> ConsoleSink:
    return ConsoleSink(output, include_values=include_values)
