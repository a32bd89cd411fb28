"""Demo steps after the file scan: the company database inventory, the sample app audits, one HTML report.

Each step adds its result document (docs/result-schema.md) to the context, and the last one renders
them all into `demo-report.html`. A step whose optional pieces are missing (SQLAlchemy, the Android
build tools) says so in one line and lets the others run.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from yinsi import __version__
from yinsi.core.errors import YinsiError

if TYPE_CHECKING:
    from rich.console import Console

    from yinsi.apps.samples import SampleApp
    from yinsi.demo import DemoContext

# Three years: the shortest period the E-Commerce Law (电子商务法 第三十一条) asks shops to keep
# order records; personal data in older rows is past any purpose the demo company could claim.
RETENTION_DAYS = 3 * 365
REPORT_NAME = "demo-report.html"


def scan_database(context: DemoContext) -> None:
    """Write the company's SQLite database and inventory its tables with a retention audit."""
    try:
        from yinsi.demo.database import write_demo_database
        from yinsi.sinks.inventory import inventory_record
        from yinsi.sources.sql import SqlSource
        from yinsi.tabular.inventory import InventoryRun
        from yinsi.tabular.model import InventorySettings
    except ImportError as error:  # the `tables` extra is not installed
        context.console.print(f"Database part skipped: {error.name} is not installed "
                              "(pip install 'yinsi[tables]')")
        return
    url = f"sqlite:///{(context.out / 'company.db').resolve()}"
    rows = write_demo_database(url, replace=True)
    context.console.rule("yinsi db scan company.db")
    context.console.print(f"Generated company.db: {sum(rows.values()):,} rows in {len(rows)} tables")
    source = SqlSource(url)
    try:
        inventory = InventoryRun(InventorySettings(retention_days=RETENTION_DAYS)).source(source)
    finally:
        source.dispose()
    record = inventory_record(inventory, tool_version=__version__)
    stats = record["stats"]
    expired = sum((table.get("retention") or {}).get("expired_rows") or 0
                  for table in record["inventory"]["tables"])
    context.console.print(f"{stats['personal_columns']} of {stats['columns']} columns hold personal "
                          f"information ({stats['sensitive_columns']} sensitive); {expired:,} rows are older "
                          f"than {RETENTION_DAYS} days")
    context.results.append(record)
    context.reports.append(("table inventory (JSON)", _write_json(context.out / "inventory.json", record)))


def audit_apps(context: DemoContext) -> None:
    """Build the sample APKs and audit each against its declared category (needs Android build tools)."""
    from yinsi.apps.audit import audit_apk
    from yinsi.apps.samples import SAMPLES, build_sample_apks, missing_tools
    from yinsi.sinks.results import app_audit_result

    missing = missing_tools()
    if missing:
        context.console.print(f"App audit skipped: building the sample APKs needs {', '.join(missing)} "
                              "(Debian: apt-get install aapt apksigner zipalign android-framework-res "
                              "libsmali-java default-jdk)")
        return
    context.console.rule("yinsi app audit (sample APKs)")
    try:
        built = _sample_apks((context.out / "apks").resolve(), build_sample_apks, SAMPLES)
    except YinsiError as error:
        context.console.print(f"App audit skipped: {error}")
        return
    categories = {sample.name: sample.category for sample in SAMPLES}
    audits = [audit_apk(path, category=categories[name]) for name, path in built.items()]
    for audit in sorted(audits, key=lambda item: -item.score.value):
        high = sum(finding.severity.value == "high" for finding in audit.findings)
        context.console.print(f"  {audit.name:<10} {audit.score.value:>3} {audit.score.grade}  "
                              f"{len(audit.findings)} findings ({high} high)")
    record = app_audit_result(audits, tool_version=__version__)
    context.results.append(record)
    context.reports.append(("app audit (JSON)", _write_json(context.out / "apps.json", record)))


def check_policy(context: DemoContext) -> None:
    """Check the selfie app's (deliberately poor) privacy policy against what its APK collects."""
    from yinsi.privacy_policy import check_policy as check
    from yinsi.privacy_policy import policy_result
    from yinsi.privacy_policy.samples import sample_policy

    selfie = context.out / "apks" / "selfie.apk"
    if not selfie.is_file():
        context.console.print("Policy check skipped: the sample selfie APK was not built (see above)")
        return
    context.console.rule("yinsi policy check selfie_bad.txt --app selfie.apk")
    result = check(sample_policy("selfie_bad"), app=selfie, category="拍摄美化类")
    missing = [item for item in result.disclosures if item.status.value == "missing"]
    context.console.print(f"  score {result.score.value} {result.score.grade}; {len(missing)} required "
                          f"disclosures missing; {len(result.findings)} findings")
    record = policy_result([result], tool_version=__version__)
    context.results.append(record)
    context.reports.append(("privacy-policy check (JSON)", _write_json(context.out / "policy.json", record)))


def write_report(context: DemoContext) -> None:
    """Render everything the demo found into one self-contained HTML page."""
    from yinsi.sinks.html import write_html_report

    path = context.out / REPORT_NAME
    write_html_report(context.results, str(path), title="yinsi 隐私报告 · 示例公司 Demo company")
    context.reports.append(("HTML report — open this 打开此报告", path))


def print_summary(console: Console, reports: list[tuple[str, Path]]) -> None:
    """The story in a few lines, read back from the HTML report's model, then where the report is."""
    from yinsi.sinks.html.model import build

    results = [json.loads(path.read_text(encoding="utf-8")) for _, path in reports if path.suffix == ".json"]
    model = build(results)
    console.rule("Summary 摘要")
    if model.findings:
        top = ", ".join(f"{item.explanation.chinese or item.explanation.entity_type} {item.count}"
                        for item in model.types[:4])
        console.print(f"Files 文件: {model.findings:,} findings in {model.files_scanned} files, "
                      f"{model.sensitive:,} sensitive 敏感 ({top}, …)")
    if model.columns_total:
        console.print(f"Database 数据库: {model.columns_personal} of {model.columns_total} columns hold "
                      f"personal information, {model.columns_sensitive} sensitive; "
                      f"{model.past_retention or 0:,} rows past {RETENTION_DAYS} days 超期")
    if model.apps:
        worst = min(model.apps, key=lambda app: app.score)
        beyond = ", ".join(worst.excess_pi) or "see the report"
        console.print(f"Apps 应用: {len(model.apps)} audited; lowest score {worst.score} {worst.grade} "
                      f"({worst.name}: {beyond} beyond what its category needs)")
    html = [path for _, path in reports if path.suffix == ".html"]
    if html:
        console.print(f"Open 打开: [bold]{html[0].resolve()}[/]")


def _sample_apks(directory: Path, build: Callable[[Path], dict[str, Path]],
                 samples: Sequence[SampleApp]) -> dict[str, Path]:
    """The sample APKs, rebuilt only when the sample sources changed since the last demo run."""
    stamp = directory / "samples.sha256"
    digest = hashlib.sha256(repr(tuple(samples)).encode("utf-8")).hexdigest()
    paths = {sample.name: directory / f"{sample.name}.apk" for sample in samples}
    if stamp.is_file() and stamp.read_text(encoding="ascii") == digest and all(
            path.is_file() for path in paths.values()):
        return paths
    built = build(directory)
    stamp.write_text(digest, encoding="ascii")
    return built


def _write_json(path: Path, record: object) -> Path:
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
