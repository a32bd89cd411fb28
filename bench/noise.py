"""Reports on ordinary technical documents: how many findings yinsi and Presidio make where there is
almost no personal information to find.

    python bench/noise.py                         # 40 MB of /usr/share/doc, Presidio on the first 1 MB
    python bench/noise.py --root DIR --mb 5       # another tree of text files
    python bench/noise.py --presidio-mb 0         # yinsi only

The labelled corpus (bench/accuracy.py) measures recall and precision on business text written to
contain identifiers. It cannot show what a newcomer sees first when pointing `yinsi scan` at a folder
of ordinary files: findings in text that holds none. This script reads text files under `--root` (a
Debian system's /usr/share/doc by default: changelogs, manuals, HTML, PostScript, examples; .gz files
decompressed, binary files skipped, the same reader as `yinsi scan`), files in a seeded shuffle and
at most 1 M characters of each, until `--mb` megabytes of UTF-8 text, cuts them into the scanner's
64 KiB chunks, and counts findings per type at the default reporting threshold of `yinsi scan` (0.5),
per MB of text.

There are no labels. Such documents do hold some real personal information — maintainers' e-mail
addresses, URLs, the occasional postal address or phone number in a copyright notice — so EMAIL, URL
and PHONE_NUMBER counts are mostly true. Mainland identifiers (resident IDs, mobiles, bank cards,
QQ/WeChat IDs, postcodes, plates) in English-language package documentation are false positives almost
without exception, and so are most dates of birth, GPS pairs and card numbers: those rows are the noise
a newcomer sees. Presidio (predefined recognizers, blank spaCy pipeline, as in bench/speed.py) runs on
the first `--presidio-mb` MB of the same chunks, and yinsi's figures on that subset are printed beside
it; PERSON/LOCATION/… are absent from both (no NER model; yinsi's names recognizer is left out as in
bench/speed.py).
"""

from __future__ import annotations

import argparse
import itertools
import platform
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import speed
import yinsi
from yinsi.scanning import DEFAULT_MIN_SCORE
from yinsi.sources.files import READ_ERRORS, open_binary, read_text
from yinsi.sources.walk import FileEntry, walk

CHUNK_CHARS = 65_536
FILE_LIMIT = 1_000_000
FILE_BLOCKS = 64  # decoded blocks read per file; enough for FILE_LIMIT characters
# Mainland and chat identifiers: in English package documentation every one of these is noise.
MAINLAND_TYPES = (
    "CN_RESIDENT_ID", "CN_MOBILE", "CN_LANDLINE", "BANK_CARD", "CN_USCC", "CN_PASSPORT",
    "CN_HK_MACAU_PERMIT", "CN_TAIWAN_PERMIT", "CN_LICENSE_PLATE", "CN_POSTAL_CODE", "QQ_NUMBER",
    "WECHAT_ID",
)


def chunks(root: Path, limit_bytes: int, seed: int) -> Iterator[tuple[str, str]]:
    """(path, text chunk) pairs from text files under `root`, up to `limit_bytes`.

    Files are taken in a seeded shuffle of the sorted list, so that a sample is spread over the whole
    tree instead of the packages that sort first, and at most FILE_LIMIT characters of each.
    """
    entries = [entry for entry in walk([str(root)]) if isinstance(entry, FileEntry)]
    random.Random(seed).shuffle(entries)
    used = 0
    for entry in entries:
        try:
            with open_binary(entry.path) as handle:
                stream = read_text(handle)
                text = "".join(itertools.islice(stream.blocks, FILE_BLOCKS))[:FILE_LIMIT]
        except (*READ_ERRORS, UnicodeError):
            continue
        for offset in range(0, len(text), CHUNK_CHARS):
            chunk = text[offset : offset + CHUNK_CHARS]
            used += len(chunk.encode("utf-8"))
            yield entry.path, chunk
            if used >= limit_bytes:
                return


def count_yinsi(texts: list[str], entities: list[str]) -> tuple[Counter[str], float]:
    found: Counter[str] = Counter()
    started = time.process_time()
    for text in texts:
        for finding in yinsi.analyze(text, entities=entities, score_threshold=DEFAULT_MIN_SCORE):
            found[finding.entity_type] += 1
    return found, time.process_time() - started


def count_presidio(texts: list[str]) -> tuple[Counter[str], float]:
    engine = speed.build_presidio()
    found: Counter[str] = Counter()
    started = time.process_time()
    for text in texts:
        for result in engine.analyze(text, language="en", score_threshold=DEFAULT_MIN_SCORE):
            found[speed.PRESIDIO_NAMES.get(result.entity_type, result.entity_type)] += 1
    return found, time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--root", type=Path, default=Path("/usr/share/doc"))
    parser.add_argument("--mb", type=float, default=40.0, help="MB of text to read (10^6 bytes of UTF-8)")
    parser.add_argument("--presidio-mb", type=float, default=1.0, help="MB of the same text for Presidio")
    parser.add_argument("--seed", type=int, default=1, help="order in which files are taken")
    args = parser.parse_args(argv)
    if not args.root.is_dir():
        print(f"noise: {args.root} is not a directory", file=sys.stderr)
        return 2

    pairs = list(chunks(args.root, int(args.mb * 1e6), args.seed))
    texts = [text for _, text in pairs]
    total_mb = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    files = len({path for path, _ in pairs})
    entities = speed.structured_entities()
    yinsi.analyze("warm-up 13800138000", entities=entities)
    found, seconds = count_yinsi(texts, entities)

    subset: list[str] = []
    subset_bytes = 0
    for text in texts:
        if subset_bytes >= args.presidio_mb * 1e6:
            break
        subset.append(text)
        subset_bytes += len(text.encode("utf-8"))
    subset_mb = subset_bytes / 1e6
    presidio: Counter[str] | None = None
    if subset and args.presidio_mb > 0:
        presidio, _ = count_presidio(subset)
        found_subset, _ = count_yinsi(subset, entities)

    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} · {platform.machine()}, "
          f"Python {platform.python_version()} · yinsi {yinsi.__version__}")
    print(f"{args.root}: {files} files, {total_mb:.2f} MB of text; yinsi {total_mb / seconds:.2f} MB per "
          f"CPU-second; findings at score ≥ {DEFAULT_MIN_SCORE} per MB of text\n")
    header = f"  {'entity type':22s} {'yinsi':>10s} {'per MB':>8s}"
    if presidio is not None:
        header += f"   │ first {subset_mb:.2f} MB: {'yinsi':>6s} {'Presidio':>9s}"
    print(header)
    names = sorted(set(found) | set(presidio or ()), key=lambda name: (-found[name], name))
    for name in names:
        row = f"  {name:22s} {found[name]:10d} {found[name] / total_mb:8.2f}"
        if presidio is not None:
            pad = " " * len(f"first {subset_mb:.2f} MB: ")
            row += f"   │ {pad}{found_subset[name]:6d} {presidio[name]:9d}"
        print(row)
    mainland = sum(found[name] for name in MAINLAND_TYPES)
    print(f"\n  mainland and chat identifiers (all noise here): {mainland} "
          f"({mainland / total_mb:.2f} per MB)")
    if presidio is not None:
        print(f"  all findings on the first {subset_mb:.2f} MB: yinsi {sum(found_subset.values())}, "
              f"Presidio {sum(presidio.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
