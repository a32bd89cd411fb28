"""Latency, throughput and memory of `yinsi serve` beside Presidio's analyzer behind the same server.

    python bench/service.py                      # 10 s per payload and service, 30 s soak each
    python bench/service.py --soak-seconds 600   # the 10-minute soak (documented in docs/benchmarks.md)
    python bench/service.py --skip-presidio --seconds 5 --soak-seconds 0

Both services run on 127.0.0.1 only, as uvicorn with 2 worker processes, started and stopped by this
script (ports are picked free; every child is terminated on exit, killed after 10 s):
- yinsi: `python -m yinsi serve --workers 2` with a random bearer token, `POST /v1/analyze`
  (all entity types, masked previews and keyed digests in the response);
- Presidio: bench/service_presidio_app.py, `AnalyzerEngine.analyze(text, language="en")` as built by
  bench/speed.py (predefined recognizers, blank spaCy pipeline, plus a CN resident-ID recognizer).

Payloads are Chinese texts from the benchmark corpus (bench/corpus.py: support chats, application
logs, order records), cut to 1 KB and 100 KB of UTF-8. For each payload and service, `--clients`
threads each keep one HTTP/1.1 keep-alive connection and post the same payload back to back for
`--seconds`; p50/p99 are over all requests, requests/s over the window. The soak then posts both
payloads alternately for `--soak-seconds`; RSS is the sum over the server's processes (parent and
workers), read before (after warm-up) and after the soak. The load generator runs on the same
2-core machine and takes CPU from the servers: figures are for the pair, and lower bounds.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psutil

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
import corpus as corpus_module  # noqa: E402

HOST = "127.0.0.1"
SIZES = {"1 KB": 1024, "100 KB": 100 * 1024}


@dataclass(frozen=True, slots=True)
class Service:
    name: str
    command: list[str]
    env: dict[str, str]
    path: str
    headers: dict[str, str]


@dataclass(frozen=True, slots=True)
class LoadResult:
    requests: int
    errors: int
    seconds: float
    latencies: list[float]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def payloads(seed: int = 20261130) -> dict[str, str]:
    """Chinese corpus records joined until each size, cut at a character boundary under it."""
    records = [record.text for record in corpus_module.generate(seed, 3000)
               if any("\u4e00" <= char <= "\u9fff" for char in record.text)]
    out: dict[str, str] = {}
    for label, size in SIZES.items():
        pieces: list[str] = []
        total = 0
        for text in records * 4:
            pieces.append(text)
            total += len(text.encode()) + 1
            if total >= size:
                break
        joined = "\n".join(pieces).encode()[:size].decode("utf-8", errors="ignore")
        out[label] = joined
    return out


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@contextmanager
def running(service: Service, port: int) -> Iterator[psutil.Process]:
    env = {**os.environ, **service.env}
    process = subprocess.Popen(service.command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"{service.name} exited: {process.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
            try:
                conn = http.client.HTTPConnection(HOST, port, timeout=2)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError(f"{service.name} did not start within 120 s")
        yield psutil.Process(process.pid)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


def rss_mb(parent: psutil.Process) -> float:
    processes = [parent, *parent.children(recursive=True)]
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.Error:
            pass
    return total / 2**20


def load(service: Service, port: int, bodies: list[bytes], seconds: float, clients: int) -> LoadResult:
    """`clients` threads, one keep-alive connection each, posting `bodies` in turn for `seconds`."""
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients
    stop = time.monotonic() + seconds
    headers = {"Content-Type": "application/json", **service.headers}

    def worker(index: int) -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=120)
        turn = index
        while time.monotonic() < stop:
            body = bodies[turn % len(bodies)]
            turn += 1
            started = time.perf_counter()
            try:
                conn.request("POST", service.path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=120)
                ok = False
            if ok:
                latencies[index].append(time.perf_counter() - started)
            else:
                errors[index] += 1
        conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    merged = [value for part in latencies for value in part]
    return LoadResult(len(merged), sum(errors), elapsed, merged)


def services(workers: int) -> list[Service]:
    token = secrets.token_hex(32)
    yinsi = Service(
        "yinsi",
        [sys.executable, "-m", "yinsi", "serve", "--workers", str(workers), "--log-level", "warning",
         "--port", "{port}"],
        {"YINSI_SERVICE_TOKENS": token, "YINSI_DIGEST_KEY": secrets.token_hex(32)},
        "/v1/analyze", {"Authorization": f"Bearer {token}"},
    )
    presidio = Service(
        "presidio",
        [sys.executable, "-m", "uvicorn", "--app-dir", str(BENCH), "service_presidio_app:create_app",
         "--factory", "--host", HOST, "--workers", str(workers), "--log-level", "warning",
         "--timeout-keep-alive", "5", "--no-server-header", "--port", "{port}"],
        {}, "/analyze", {},
    )
    return [yinsi, presidio]


def measure(service: Service, texts: dict[str, str], args: argparse.Namespace) -> dict[str, object]:
    port = free_port()
    concrete = Service(service.name, [part.replace("{port}", str(port)) for part in service.command],
                       service.env, service.path, service.headers)
    bodies = {label: json.dumps({"text": text}, ensure_ascii=False).encode() for label, text in texts.items()}
    result: dict[str, object] = {"service": service.name}
    with running(concrete, port) as server:
        # Warm-up: many small requests reach every worker (lazy analyzer and model loading), then both sizes.
        load(concrete, port, [bodies["1 KB"]], 5.0, args.clients)
        load(concrete, port, list(bodies.values()), 3.0, args.clients)
        for label, body in bodies.items():
            outcome = load(concrete, port, [body], args.seconds, args.clients)
            result[label] = {
                "p50_ms": round(outcome.percentile(0.5) * 1000, 1),
                "p99_ms": round(outcome.percentile(0.99) * 1000, 1),
                "rps": round(outcome.rps, 1), "requests": outcome.requests, "errors": outcome.errors,
            }
        before = rss_mb(server)
        samples: list[float] = []
        done = threading.Event()

        def sample() -> None:  # RSS every 30 s during the soak, to show a trend and not only two points
            while not done.wait(30.0):
                samples.append(round(rss_mb(server), 1))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        soak = None
        if args.soak_seconds:
            soak = load(concrete, port, list(bodies.values()), args.soak_seconds, args.clients)
        done.set()
        sampler.join()
        after = rss_mb(server)
        result["rss_mb_samples"] = samples
        result["rss_mb_before"] = round(before, 1)
        result["rss_mb_after"] = round(after, 1)
        result["rss_growth_pct"] = round(100 * (after - before) / before, 1)
        result["soak_seconds"] = args.soak_seconds
        result["soak_requests"] = soak.requests if soak else 0
        result["soak_errors"] = soak.errors if soak else 0
    return result


def report(results: list[dict[str, object]], args: argparse.Namespace, texts: dict[str, str]) -> str:
    lines = [
        "payloads: " + ", ".join(f"{label} = {len(text.encode())} bytes / {len(text)} chars"
                                  for label, text in texts.items()),
        f"{args.workers} uvicorn workers per service, {args.clients} client threads, {args.seconds:g} s per "
        f"payload, soak {args.soak_seconds:g} s; load average {os.getloadavg()[0]:.2f}",
        "",
        f"{'service':<10}{'payload':>8}{'p50 ms':>10}{'p99 ms':>10}{'req/s':>9}{'errors':>8}",
    ]
    for result in results:
        for label in SIZES:
            row = result[label]
            assert isinstance(row, dict)
            lines.append(f"{result['service']!s:<10}{label:>8}{row['p50_ms']:>10}{row['p99_ms']:>10}"
                         f"{row['rps']:>9}{row['errors']:>8}")
    lines += ["", f"{'service':<10}{'RSS before':>12}{'RSS after':>12}{'growth':>9}{'soak requests':>15}"]
    for result in results:
        lines.append(f"{result['service']!s:<10}{result['rss_mb_before']!s:>9} MB"
                     f"{result['rss_mb_after']!s:>9} MB{result['rss_growth_pct']!s:>8}%"
                     f"{result['soak_requests']!s:>15}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0,
                        help="load per payload and service (default 10)")
    parser.add_argument("--soak-seconds", type=float, default=30.0, help="soak per service (default 30)")
    parser.add_argument("--clients", type=int, default=4, help="client threads (default 4)")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn workers per service (default 2)")
    parser.add_argument("--skip-presidio", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    texts = payloads()
    chosen = services(args.workers)[: 1 if args.skip_presidio else 2]
    results = [measure(service, texts, args) for service in chosen]
    print(report(results, args, texts))
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
