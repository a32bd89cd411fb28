"""A large, seeded application log for streaming benchmarks, written in bounded memory.

    python bench/biglog.py --gb 1.0 --out bench/.cache/big.log

The corpus generator is too slow for gigabytes (Faker and per-value validation run at a few MB/s), so
this draws personal values once into pools with the same generator (`corpus_values.Values`: valid
resident IDs, cards, IMEIs, mobiles, ...) and then writes log lines from templates, choosing pool
values and fresh business numbers (trace ids, timestamps, order numbers) at random. Pools hold
100 000 values of each kind, more than the validators' caches, so repeated values are about as
common as in a real log where the same users come back. About 40 % of lines carry no personal data,
as in real service logs.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_values import Values

POOL = 100_000
BLOCK_LINES = 5_000


class Pools:
    """Pre-drawn values of each kind; drawing them once keeps writing fast."""

    def __init__(self, seed: int, size: int) -> None:
        rng = random.Random(seed)
        values = Values(rng, seed)
        self.mobiles = [values.mobile() for _ in range(size)]
        self.ids = [values.resident_id() for _ in range(size // 2)]
        self.cards = [values.unionpay() for _ in range(size // 2)]
        self.imeis = [values.imei() for _ in range(size // 4)]
        self.macs = [values.mac().text for _ in range(size // 4)]
        self.ipv4 = [values.ipv4() for _ in range(size // 2)]
        self.emails = [values.email().text for _ in range(size // 4)]
        self.names = [values.person_zh() for _ in range(size // 10)]
        self.versions = [values.version() for _ in range(1000)]
        self.agents = [values.en.user_agent() for _ in range(2000)]


def _templates(pools: Pools, rng: random.Random) -> list[tuple[float, Callable[[], str]]]:
    choice, randrange, bits = rng.choice, rng.randrange, rng.getrandbits

    def login() -> str:
        return (
            f"login success userId={randrange(10**18, 2 * 10**18)} mobile={choice(pools.mobiles)} "
            f"ip={choice(pools.ipv4)} traceId={bits(128):032x} cost={randrange(2, 900)}ms"
        )

    def device() -> str:
        return (
            f"device bind imei={choice(pools.imeis)} mac={choice(pools.macs)} androidId={bits(64):016x} "
            f"appVersion={choice(pools.versions)} ts={randrange(1_640_000_000_000, 1_790_000_000_000)}"
        )

    def pay() -> str:
        return (
            f"pay callback orderId=2025{randrange(10**14, 10**15)} cardNo={choice(pools.cards)} "
            f"transactionId=4200{randrange(10**23, 10**24)} amount={randrange(100, 999999) / 100:.2f}"
        )

    def profile() -> str:
        return (
            f"update profile uid={randrange(10**7, 10**8)} name={choice(pools.names)} "
            f"email={choice(pools.emails)} idNo={choice(pools.ids)}"
        )

    def message() -> str:
        return (
            f'im message from={randrange(10**7, 10**8)} content="您好，我的手机号是{choice(pools.mobiles)}，'
            f'身份证{choice(pools.ids)}，麻烦尽快处理"'
        )

    def quiet() -> str:
        return (
            f"request done uri=/api/v2/order/list version={choice(pools.versions)} "
            f"elapsed={randrange(1, 5000)}ms trace={bits(128):032x} rows={randrange(0, 500)}"
        )

    def cache() -> str:
        return (
            f"cache refresh key=order:{randrange(10**17, 10**18)} hit={randrange(0, 2)} "
            f"size={randrange(1, 10**6)}"
        )

    return [
        (0.16, login),
        (0.1, device),
        (0.08, pay),
        (0.08, profile),
        (0.06, message),
        (0.32, quiet),
        (0.08, cache),
    ]


def write_big_log(path: Path, size_bytes: int, seed: int = 7, pool: int = POOL) -> int:
    """Write at least `size_bytes` of log lines to `path` (atomically); returns the bytes written."""
    rng = random.Random(seed)
    pools = Pools(seed, pool)
    weighted = _templates(pools, rng)
    makers = [maker for _, maker in weighted]
    weights = [weight for weight, _ in weighted]
    levels = ("INFO ", "INFO ", "INFO ", "WARN ", "DEBUG", "ERROR")
    loggers = (
        "c.y.user.LoginController",
        "c.y.order.OrderService",
        "c.y.risk.DeviceService",
        "c.y.pay.PayCallback",
        "c.y.im.MessageService",
    )
    moment = datetime.datetime(2025, 3, 1, tzinfo=datetime.UTC).timestamp()
    written = 0
    partial = path.with_suffix(f"{path.suffix}.{os.getpid()}.partial")
    path.parent.mkdir(parents=True, exist_ok=True)
    with partial.open("wb") as out:
        while written < size_bytes:
            lines = []
            for maker in rng.choices(makers, weights=weights, k=BLOCK_LINES):
                moment += rng.random() * 0.01
                stamp = datetime.datetime.fromtimestamp(moment, datetime.UTC)
                lines.append(
                    f"{stamp:%Y-%m-%d %H:%M:%S.%f}"[:23] + f" {rng.choice(levels)} "
                    f"[http-nio-8080-exec-{rng.randrange(1, 200)}] {rng.choice(loggers)} - {maker()}\n"
                )
            block = "".join(lines).encode("utf-8")
            out.write(block)
            written += len(block)
    partial.replace(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gb", type=float, default=1.0, help="size in GB (10^9 bytes)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    size = write_big_log(args.out, int(args.gb * 1e9), args.seed)
    print(f"wrote {size / 1e9:.3f} GB to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
