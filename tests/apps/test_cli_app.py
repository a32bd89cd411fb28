"""`yinsi app audit` and `yinsi app rank` on sample APKs built from source and on real APKs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from apk_helpers import sample_apks
from click.testing import CliRunner

from yinsi.cli.main import cli


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return sample_apks(tmp_path_factory)


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_selfie_app_location_is_not_necessary(samples: dict[str, Path]) -> None:
    code, out, err = invoke("app", "audit", str(samples["selfie"]), "--category", "拍摄美化类")
    assert code == 0, err
    flat = "".join(out.split())  # the table wraps lines
    assert "位置信息不是拍摄美化类的必要个人信息" in flat
    assert "Locationisnotnecessarypersonalinformation" in flat
    assert "第五条第（36）项" in flat and "认定方法(2019)四.1" in flat


@pytest.mark.parametrize(
    ("name", "category", "rules"),
    [
        ("selfie", "36", {"apps.excess_permission"}),
        ("lending", "网络借贷类", {"apps.excess_permission"}),
        ("wifi", "utility tools", {"apps.excess_permission"}),
        ("sdk_before_consent", "30", {"apps.pre_consent_collection", "apps.tracker_sdk"}),
    ],
)
def test_sample_findings(samples: dict[str, Path], name: str, category: str, rules: set[str]) -> None:
    code, out, err = invoke("app", "audit", str(samples[name]), "--category", category, "--format", "json")
    assert code == 0, err
    [report] = json.loads(out)
    assert rules <= {finding["rule_id"] for finding in report["findings"]}
    assert report["score"]["value"] < 100


def test_sample_details(samples: dict[str, Path]) -> None:
    code, out, _ = invoke(
        "app",
        "audit",
        str(samples["lending"]),
        str(samples["sdk_before_consent"]),
        str(samples["wifi"]),
        "-c",
        "12",
        "--format",
        "json",
    )
    assert code == 0
    lending, consent, wifi = json.loads(out)
    excess = {
        pi for f in lending["findings"] if f["rule_id"] == "apps.excess_permission" for pi in f["pi_types"]
    }
    assert {"contacts", "sms"} <= excess
    assert {"getui", "umeng_common"} <= {
        f["tracker"] for f in consent["findings"] if f["rule_id"] == "apps.pre_consent_collection"
    }
    assert "wifi" in {pi for f in wifi["findings"] for pi in f["pi_types"]}


def test_clean_sample_scores_100(samples: dict[str, Path]) -> None:
    code, out, _ = invoke("app", "audit", str(samples["clean"]), "-c", "38", "--format", "json")
    assert code == 0
    [report] = json.loads(out)
    assert report["findings"] == [] and report["score"]["value"] == 100


def test_rank_league_table(samples: dict[str, Path], tmp_path: Path) -> None:
    output = tmp_path / "league.json"
    code, _, err = invoke(
        "app", "rank", str(next(iter(samples.values())).parent), "--format", "json", "-o", str(output)
    )
    assert code == 0, err
    rows = json.loads(output.read_text(encoding="utf-8"))
    assert [row["rank"] for row in rows] == list(range(1, len(rows) + 1))
    scores = [row["score"]["value"] for row in rows]
    assert scores == sorted(scores, reverse=True)
    assert rows[0]["app"]["package"] == "com.example.notes"  # the clean sample
    code, out, _ = invoke("app", "rank", str(next(iter(samples.values())).parent))
    assert "league table" in out and "com.example.notes" in out


def test_unusable_inputs_get_one_line_each_and_exit_2(samples: dict[str, Path], tmp_path: Path) -> None:
    not_zip = tmp_path / "notes.apk"
    not_zip.write_text("hello", encoding="utf-8")
    code, out, err = invoke(
        "app", "audit", str(not_zip), str(tmp_path / "missing.apk"), str(samples["clean"]), "--format", "json"
    )
    assert code == 2
    assert len(err.strip().splitlines()) == 2 and all(
        line.startswith("yinsi: error:") for line in err.strip().splitlines()
    )
    assert [report["app"]["package"] for report in json.loads(out)] == ["com.example.notes"]


@pytest.mark.parametrize("args", [["--category", "火星类"], ["--trackers", "/nonexistent/trackers.json"]])
def test_bad_options_exit_2(samples: dict[str, Path], args: list[str]) -> None:
    code, _, err = invoke("app", "audit", str(samples["clean"]), *args)
    assert code == 2 and ("--category" in err or "--trackers" in err)


def test_real_apks_no_sdk_false_positives(shared_data: Path) -> None:
    apks = shared_data / "apps" / "apks"
    names = [
        "ARouter__arouter-demo.apk",
        "ARouter__arouter-demo-1.5.2.apk",
        "XUpdate__xupdate_demo_1.0.2.apk",
        "AndroidProject__AndroidProject.apk",
    ]
    code, out, err = invoke("app", "audit", *(str(apks / name) for name in names), "--format", "json")
    assert code == 0, err
    trackers = {
        report["app"]["path"].rsplit("/", 1)[-1]: {t["id"] for t in report["trackers"]}
        for report in json.loads(out)
    }
    assert trackers[names[0]] == trackers[names[1]] == trackers[names[2]] == set()
    assert "umeng_analytics" in trackers[names[3]]


def test_exodus_file_option(shared_data: Path) -> None:
    apk = shared_data / "apps" / "apks" / "exodus-core__instapaper.apk"
    code, out, err = invoke(
        "app",
        "audit",
        str(apk),
        "--trackers",
        str(shared_data / "apps" / "exodus_trackers.json"),
        "--format",
        "json",
    )
    assert code == 0, err
    [report] = json.loads(out)
    crashlytics = next(t for t in report["trackers"] if t["id"] == "crashlytics")
    assert any("Google CrashLytics" in line for line in crashlytics["evidence"])


def test_public_audit_apk(samples: dict[str, Path]) -> None:
    import yinsi

    audit = yinsi.audit_apk(samples["selfie"], category="拍摄美化类")
    [excess] = [f for f in audit.findings if f.rule_id == "apps.excess_permission"]
    assert excess.pi_types == ("location",) and excess.severity.value == "high"
    assert sum(d.points for d in audit.score.deductions) == 100 - audit.score.value
    with pytest.raises(yinsi.ConfigurationError):
        yinsi.audit_apk(samples["selfie"], category="火星类")


def test_rank_with_per_app_categories(samples: dict[str, Path], tmp_path: Path) -> None:
    mapping = tmp_path / "categories.csv"
    text = "# name,category\nselfie.apk,拍摄美化类\ncom.example.lending,12\nwifi,38\n"
    mapping.write_text(text, encoding="utf-8")
    directory = str(next(iter(samples.values())).parent)
    code, out, err = invoke("app", "rank", directory, "--categories", str(mapping), "--format", "json")
    assert code == 0, err
    categories = {row["app"]["package"]: (row["category"] or {}).get("number") for row in json.loads(out)}
    assert categories["com.example.selfie"] == 36 and categories["com.example.lending"] == 12
    assert categories["com.example.wifikey"] == 38 and categories["com.example.notes"] is None
    mapping.write_text("selfie.apk,火星类\n", encoding="utf-8")
    code, _, err = invoke("app", "rank", directory, "--categories", str(mapping))
    assert code == 2 and "categories.csv:1" in err


def test_sarif_output(samples: dict[str, Path]) -> None:
    code, out, err = invoke("app", "audit", str(samples["selfie"]), "-c", "36", "--format", "sarif")
    assert code == 0, err
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    [run] = sarif["runs"]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert run["results"], "the selfie sample has findings"
    for result in run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note", "none"}
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("selfie.apk")
    [excess] = [r for r in run["results"] if r["ruleId"] == "apps.excess_permission"]
    assert excess["level"] == "error" and "第五条第（36）项" in " ".join(excess["properties"]["references"])


@pytest.mark.parametrize(("listing", "count", "key"), [("rules", None, "id"), ("categories", 39, "zh"),
                                                      ("trackers", None, "packages")])
def test_listings(listing: str, count: int | None, key: str) -> None:
    code, out, err = invoke("app", listing, "--format", "json")
    assert code == 0, err
    rows = json.loads(out)
    assert rows and all(key in row for row in rows)
    assert count is None or len(rows) == count
    code, out, _ = invoke("app", listing)
    assert code == 0 and out.strip()
