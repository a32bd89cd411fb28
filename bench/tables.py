"""Tables and databases: inventory speed on a generated PostgreSQL table, and column classification of
the same DataFrame by yinsi and by presidio-structured's PandasAnalysisBuilder.

    python bench/tables.py                 # 100,000 rows (a few minutes with generation)
    python bench/tables.py --rows 1000000  # the figures in docs/benchmarks.md

The table has 10 columns: id, xm (name), sjh (mobile), sfzh (resident ID), email, dz (address),
amount, status, created_at, note (free text holding a phone number in one row of ten). It is written
to a schema of its own in the database given by --url (default: the local test database) and dropped
afterwards. Figures: sample-mode inventory time, full-scan cells/s on one core, peak RSS; then the
classification of a --frame-rows DataFrame by both tools, wall time and ratio.
"""

from __future__ import annotations

import argparse
import datetime
import multiprocessing
import random
import resource
import sys
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def generate(rows: int, seed: int = 7) -> list[tuple[Any, ...]]:
    from faker import Faker

    from yinsi.demo import identifiers

    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    names = [fake.name() for _ in range(2000)]
    addresses = [fake.address().split(" ")[0] for _ in range(2000)]
    mobiles = [identifiers.mobile(rng) for _ in range(5000)]
    ids = [identifiers.resident_id(rng) for _ in range(5000)]
    start = datetime.datetime(2018, 1, 1)
    data = []
    for index in range(rows):
        mobile = mobiles[index % 5000]
        quiet = rng.choice(("已发货", "待付款", "客户要求开发票"))
        note = f"客户来电，回拨{mobile}" if index % 10 == 0 else quiet
        data.append((
            index, names[rng.randrange(2000)], mobile, ids[(index * 7) % 5000], f"user{index}@qq.com",
            addresses[rng.randrange(2000)], round(rng.uniform(1, 999), 2),
            rng.choice(("paid", "new", "done")),
            start + datetime.timedelta(minutes=index * 3), note,
        ))
    return data


COLUMNS = ("id", "xm", "sjh", "sfzh", "email", "dz", "amount", "status", "created_at", "note")


def load_postgres(url: str, schema: str, data: list[tuple[Any, ...]]) -> None:
    import psycopg

    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
        connection.execute(
            f"CREATE TABLE {schema}.orders (id bigint primary key, xm text, sjh text, sfzh text, email text,"
            " dz text, amount numeric(10,2), status text, created_at timestamp, note text)"
        )
        with connection.cursor().copy(f"COPY {schema}.orders ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for row in data:
                copy.write_row(row)
        connection.execute(f"ANALYZE {schema}.orders")


def _generate_and_load(url: str, schema: str, rows: int) -> None:
    load_postgres(url, schema, generate(rows))


def drop_postgres(url: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(url) as connection:
        connection.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_database(url: str, rows: int) -> None:
    from yinsi.sources.sql import SqlSource
    from yinsi.tabular.inventory import InventoryRun
    from yinsi.tabular.model import InventorySettings

    schema = f"yinsi_bench_{uuid.uuid4().hex[:8]}"
    clock = time.perf_counter()
    # Generated and loaded in a child process, so that this process's peak RSS is the inventory's own.
    loader = multiprocessing.get_context("fork").Process(target=_generate_and_load, args=(url, schema, rows))
    loader.start()
    loader.join()
    if loader.exitcode != 0:
        raise SystemExit(f"loading the table failed (exit code {loader.exitcode})")
    loaded = time.perf_counter() - clock
    print(f"generated and loaded {rows:,} rows x {len(COLUMNS)} columns in {loaded:.1f} s")
    try:
        source = SqlSource(url, schemas=(schema,))
        (table,) = source.tables()
        clock = time.perf_counter()
        report = InventoryRun(InventorySettings(sample_size=1000, retention_days=180)).table(table)
        sample_seconds = time.perf_counter() - clock
        personal = [column.name for column in report.columns if column.personal]
        print(f"sample-mode inventory (1,000 rows, with retention): {sample_seconds:.2f} s "
              f"[{report.sampling}]; personal columns: {', '.join(personal)}")
        clock, cpu_start = time.perf_counter(), time.process_time()
        read = sum(len(batch) for batch in table.batches(5000))
        print(f"reading alone (server-side cursor, {read:,} rows): {time.perf_counter() - clock:.1f} s wall, "
              f"process CPU {time.process_time() - cpu_start:.1f} s")
        rss_before = peak_rss_mib()
        clock, cpu_start = time.perf_counter(), time.process_time()
        full = InventoryRun(InventorySettings(full=True, batch_size=5000)).table(table)
        cpu_clock = time.process_time() - cpu_start
        seconds = time.perf_counter() - clock
        cells = full.rows_sampled * len(COLUMNS)
        print(f"full scan: {cells:,} cells in {seconds:.1f} s wall = {cells / seconds:,.0f} cells/s; "
              f"process CPU {cpu_clock:.1f} s = {cells / cpu_clock:,.0f} cells per CPU-second (one core); "
              f"peak RSS {peak_rss_mib():.0f} MiB (after the sample-mode run: {rss_before:.0f} MiB)")
        source.dispose()
    finally:
        drop_postgres(url, schema)


def bench_batching(values: int = 2000) -> None:
    """One analyze() per cell against one per batch of a column (joined by line breaks)."""
    from yinsi._analyze import default_analyzer
    from yinsi.tabular.classify import ColumnClassifier
    from yinsi.tabular.hints import default_hints
    from yinsi.tabular.model import InventorySettings

    data = generate(values, seed=5)
    analyzer = default_analyzer()
    classifier = ColumnClassifier(analyzer, default_hints(), InventorySettings())
    print(f"one analyze() per cell vs one per batch of {values:,} values (no cache, no shortcut):")
    for index, name in ((2, "sjh"), (3, "sfzh"), (1, "xm")):
        column = [str(row[index]) for row in data]
        clock = time.perf_counter()
        for value in column:
            analyzer.analyze(value)
        per_cell = time.perf_counter() - clock
        clock = time.perf_counter()
        classifier.detect_each(column, None)
        batched = time.perf_counter() - clock
        print(f"  {name:5s} per cell {values / per_cell:9,.0f} values/s   batched {values / batched:9,.0f} "
              f"values/s   ({per_cell / batched:.1f}x)")


def bench_frame(frame_rows: int) -> None:
    import pandas

    from speed import build_presidio
    from yinsi.sources.tables import Sample
    from yinsi.tabular.inventory import InventoryRun
    from yinsi.tabular.model import ColumnInfo, InventorySettings

    data = generate(frame_rows, seed=11)
    frame = pandas.DataFrame(data, columns=list(COLUMNS)).astype(str)

    class FrameTable:
        name = "frame"

        def columns(self) -> tuple[ColumnInfo, ...]:
            return tuple(ColumnInfo(name, "object") for name in frame.columns)

        def estimated_rows(self) -> int:
            return len(frame)

        def sample(self, size: int) -> Sample:
            return Sample(list(frame.itertuples(index=False, name=None)), "all rows", len(frame))

        def batches(self, size: int) -> Any:
            rows = list(frame.itertuples(index=False, name=None))
            for start in range(0, len(rows), size):
                yield rows[start:start + size]

        def retention(self, *args: Any) -> tuple[int, None]:
            return 0, None

    clock = time.perf_counter()
    report = InventoryRun(InventorySettings(full=True)).table(FrameTable())  # type: ignore[arg-type]
    ours = time.perf_counter() - clock
    found = {column.name: column.primary.entity_type for column in report.columns if column.primary}

    from presidio_structured import PandasAnalysisBuilder

    analyzer = build_presidio()
    clock = time.perf_counter()
    analysis = PandasAnalysisBuilder(analyzer=analyzer).generate_analysis(frame, n=len(frame))
    theirs = time.perf_counter() - clock
    print(f"DataFrame {frame_rows:,} rows x {len(COLUMNS)} columns, every value classified:")
    print(f"  yinsi             {ours:7.2f} s  {found}")
    print(f"  presidio-structured {theirs:5.2f} s  {analysis.entity_mapping}")
    print(f"  ratio (presidio-structured / yinsi): {theirs / ours:.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=100_000, help="rows of the PostgreSQL table")
    parser.add_argument("--frame-rows", type=int, default=2_000, help="rows of the DataFrame comparison")
    parser.add_argument("--url", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--skip-database", action="store_true")
    arguments = parser.parse_args()
    if not arguments.skip_database:
        bench_database(arguments.url, arguments.rows)
    bench_batching()
    bench_frame(arguments.frame_rows)


if __name__ == "__main__":
    main()
