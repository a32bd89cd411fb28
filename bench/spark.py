"""Spark: findings-scan throughput of `yinsi.spark` on local[1] and local[2], beside one plain process.

    python bench/spark.py                  # 5,000,000 rows (hours on two shared cores; see docs)
    python bench/spark.py --rows 200000    # a quick run
    python bench/spark.py --job mask       # de-identification (policy analyst) instead of the scan

The data set is a generated customer table written as 8 Parquet files (reused between runs): id, name,
mobile, resident ID, e-mail, city and a note that holds a name and a mobile number in one row of three.
Each Spark run scans every string column with `scan_dataframe` (or masks with `mask_dataframe`) and
writes to Spark's `noop` sink, so the whole job runs and nothing is kept. The single-process line runs
the very same per-batch function over the same Parquet batches without Spark: it is what one core does
with no JVM, no Arrow hand-over and no scheduling. Printed: wall time, rows/s, MB/s of string data, the
local[2]/local[1] ratio, and the machine's load average (the figures mean little on a busy machine).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

FILES = 8
COLUMNS = ("name", "mobile", "id_card", "email", "city", "note")


def generate(directory: Path, rows: int, seed: int = 8) -> Path:
    """Write the data set (once per row count) and return its directory."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from faker import Faker

    from yinsi.demo import identifiers

    target = directory / f"customers-{rows}"
    if (target / "_DONE").exists():
        return target
    target.mkdir(parents=True, exist_ok=True)
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    pool = 20_000
    names = [fake.name() for _ in range(pool)]
    mobiles = [identifiers.mobile(rng) for _ in range(pool)]
    ids = [identifiers.resident_id(rng) for _ in range(pool)]
    emails = [f"{fake.user_name()}{index}@{rng.choice(['qq.com', '163.com', 'gmail.com'])}"
              for index in range(pool)]
    cities = [fake.city() for _ in range(200)]
    per_file = -(-rows // FILES)
    for part in range(FILES):
        start, stop = part * per_file, min(rows, (part + 1) * per_file)
        picks = [rng.randrange(pool) for _ in range(stop - start)]
        notes = [
            f"客户{names[pick]}来电，回拨{mobiles[(pick * 7) % pool]}" if (start + index) % 3 == 0
            else "已发货"
            for index, pick in enumerate(picks)
        ]
        table = pa.table({
            "id": pa.array(range(start, stop), pa.int64()),
            "name": [names[pick] for pick in picks],
            "mobile": [mobiles[pick] for pick in picks],
            "id_card": [ids[pick] for pick in picks],
            "email": [emails[pick] for pick in picks],
            "city": [cities[pick % len(cities)] for pick in picks],
            "note": notes,
        })
        pq.write_table(table, target / f"part-{part:02d}.parquet", row_group_size=50_000)
    (target / "_DONE").write_text("")
    return target


def string_megabytes(path: Path) -> float:
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    table = pq.read_table(path, columns=list(COLUMNS))
    return sum(pc.sum(pc.binary_length(table[name])).as_py() or 0 for name in COLUMNS) / 1e6


def tree_cpu_seconds() -> float:
    """CPU time (user + system) of this process and all its descendants, including reaped children:
    the driver, Spark's JVM and its Python workers. Load from other work does not inflate it."""
    import psutil

    total = 0.0
    me = psutil.Process()
    for process in (me, *me.children(recursive=True)):
        try:
            times = process.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system + times.children_user + times.children_system
    return total


def run_spark(path: Path, master: str, job: str, key: bytes) -> tuple[float, float]:
    from yinsi.core.digest_key import DigestKey
    from yinsi.spark import get_session, mask_dataframe, scan_dataframe

    session = get_session(master, conf={"spark.driver.memory": "2g", "spark.sql.shuffle.partitions": "2"})
    try:
        df = session.read.parquet(str(path))
        df.limit(1).collect()  # warm the session up outside the clock
        cpu, clock = tree_cpu_seconds(), time.perf_counter()
        if job == "scan":
            result = scan_dataframe(df, columns=COLUMNS, digest_key=DigestKey(key, "bench"))
        else:
            result = mask_dataframe(df, "analyst", key=key, columns=COLUMNS)
        result.write.format("noop").mode("overwrite").save()
        return time.perf_counter() - clock, tree_cpu_seconds() - cpu
    finally:
        session.stop()


def run_single(path: Path, job: str, key: bytes) -> tuple[float, float]:
    """The same per-batch function, in this process, over the same Parquet batches (Spark's batch size)."""
    import pyarrow.dataset as ds

    from yinsi.policy.load import load_policy
    from yinsi.spark import _workers
    from yinsi.spark._sealed import SealedKey

    sealed = SealedKey(key)
    batches = (batch.to_pandas() for batch in ds.dataset(str(path)).to_batches(columns=list(COLUMNS),
                                                                               batch_size=10_000))
    if job == "scan":
        work: Any = _workers.scan_batches(batches, _workers.ScanSpec(columns=COLUMNS), sealed)
    else:
        work = _workers.mask_batches(batches, _workers.MaskSpec(COLUMNS, load_policy("analyst")), sealed)
    cpu, clock = time.process_time(), time.perf_counter()
    for _ in work:
        pass
    return time.perf_counter() - clock, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--job", choices=("scan", "mask"), default="scan")
    parser.add_argument("--data", type=Path,
                        default=Path(os.environ.get("TMPDIR", "/tmp")) / "yinsi-bench-spark")
    parser.add_argument("--skip-single", action="store_true", help="Leave out the single-process run.")
    args = parser.parse_args()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    key = bytes(range(32))
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    clock = time.perf_counter()
    path = generate(args.data, args.rows)
    took = time.perf_counter() - clock
    print(f"data: {args.rows:,} rows in {FILES} Parquet files at {path} ({took:.0f} s)")
    megabytes = string_megabytes(path)
    print(f"job: {args.job}; string data {megabytes:.1f} MB; {started}; load {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores")
    results: list[tuple[str, float, float]] = []
    for master in ("local[1]", "local[2]"):
        results.append((f"yinsi.spark {master}", *run_spark(path, master, args.job, key)))
        _line(results[-1], args.rows, megabytes)
    if not args.skip_single:
        results.append(("single process (no Spark)", *run_single(path, args.job, key)))
        _line(results[-1], args.rows, megabytes)
    ratio = results[0][1] / results[1][1]
    print(f"scaling local[2] / local[1]: {ratio:.2f}x wall time (target >= 1.7x); "
          f"load now {os.getloadavg()[0]:.1f}")
    # With two idle cores the wall time of local[2] is its CPU time over two; on a busy machine this
    # CPU-time ratio is the figure that load does not distort.
    cpu_ratio = 2 * results[0][2] / results[1][2]
    print(f"CPU-time bound: 2 x CPU(local[1]) / CPU(local[2]) = {cpu_ratio:.2f}x")


def _line(result: tuple[str, float, float], rows: int, megabytes: float) -> None:
    name, seconds, cpu = result
    print(f"{name:28s} {seconds:8.1f} s {rows / seconds:9,.0f} rows/s {megabytes / seconds:6.2f} MB/s"
          f"   CPU {cpu:8.1f} s {rows / cpu:9,.0f} rows per CPU-s", flush=True)


if __name__ == "__main__":
    main()
