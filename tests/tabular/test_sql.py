"""SQL sources against real servers (PostgreSQL, MariaDB) and SQLite: listing, sampling, retention,
read-only sessions, and one-line errors without passwords. Each test run uses its own schema."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import require_tool

sa = pytest.importorskip("sqlalchemy")

from yinsi.sources.sql import DatabaseError, SqlSource, create_engine  # noqa: E402
from yinsi.tabular.inventory import InventoryRun  # noqa: E402
from yinsi.tabular.model import InventorySettings  # noqa: E402

PG_URL = "postgresql://postgres@127.0.0.1:5432/test"
MARIADB_URL = "mysql://root@127.0.0.1:3306/test"
MOBILES = ["13800138000", "13912345678", "15012345678", "18612345678"]
NAMES = ["张三", "李四", "王五", "赵六"]
OLD = datetime.datetime(2018, 5, 1)
NEW = datetime.datetime.now() - datetime.timedelta(days=1)


def _reachable(url: str) -> bool:
    try:
        engine = create_engine(url, read_only=False, timeout=3)
        with engine.connect():
            pass
        engine.dispose()
        return True
    except (DatabaseError, Exception):
        return False


def _fill(engine: sa.engine.Engine, schema: str | None, rows: int = 40) -> None:
    metadata = sa.MetaData(schema=schema)
    users = sa.Table(
        "users", metadata,
        sa.Column("id", sa.Integer, primary_key=True), sa.Column("xm", sa.String(20)),
        sa.Column("sjh", sa.String(20)), sa.Column("spare", sa.String(20)),
        sa.Column("photo", sa.LargeBinary), sa.Column("created_at", sa.DateTime),
    )
    sa.Table("empty_table", metadata, sa.Column("id", sa.Integer, primary_key=True),
             sa.Column("email", sa.String(50)))
    metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(users.insert(), [
            {"id": i, "xm": NAMES[i % 4], "sjh": MOBILES[i % 4], "spare": None,
             "photo": bytes([i % 256, 0, 255]), "created_at": OLD if i % 2 else NEW}
            for i in range(1, rows + 1)
        ])


@pytest.fixture(params=["sqlite", "postgresql", "mariadb"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str | None]]:
    """(URL, schema) of a database holding `users` and `empty_table`, removed afterwards."""
    name = f"yinsi_test_{uuid.uuid4().hex[:10]}"
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
        engine = create_engine(url, read_only=False)
        _fill(engine, None)
        engine.dispose()
        yield url, None
        return
    base = PG_URL if request.param == "postgresql" else MARIADB_URL
    require_tool(_reachable(base), f"{request.param} server at {base}")
    admin = create_engine(base, read_only=False)
    with admin.begin() as connection:
        kind = "SCHEMA" if request.param == "postgresql" else "DATABASE"
        connection.execute(sa.text(f"CREATE {kind} {name}"))
    try:
        _fill(admin, name)
        yield base, name
    finally:
        with admin.begin() as connection:
            if request.param == "postgresql":
                connection.execute(sa.text(f"DROP SCHEMA {name} CASCADE"))
            else:
                connection.execute(sa.text(f"DROP DATABASE {name}"))
        admin.dispose()


def test_inventory_and_retention(database: tuple[str, str | None]) -> None:
    url, schema = database
    source = SqlSource(url, schemas=(schema,) if schema else ())
    try:
        tables = {table.name.rpartition(".")[2]: table for table in source.tables()}
        assert set(tables) == {"users", "empty_table"}
        run = InventoryRun(InventorySettings(sample_size=10, retention_days=180))
        users = run.table(tables["users"])
        assert users.error is None and users.estimated_rows == 40 and users.rows_sampled == 10
        assert users.sampling.startswith("random")
        found = {c.name: c.primary.entity_type if c.primary else None for c in users.columns}
        assert found == {"id": None, "xm": "PERSON", "sjh": "CN_MOBILE", "spare": None, "photo": None,
                         "created_at": None}
        nulls = {column.name: column.null_ratio for column in users.columns}
        assert nulls["spare"] == 1.0
        assert users.retention is not None and users.retention.timestamp_column == "created_at"
        assert users.retention.expired_rows == 20
        assert users.retention.oldest_age_days == (datetime.datetime.now() - OLD).days
        empty = run.table(tables["empty_table"])
        assert empty.error is None and empty.estimated_rows == 0 and empty.rows_sampled == 0
        full = InventoryRun(InventorySettings(full=True, batch_size=7)).table(tables["users"])
        assert full.rows_sampled == 40 and full.sampling == "full"
    finally:
        source.dispose()


def test_sessions_are_read_only(database: tuple[str, str | None]) -> None:
    url, schema = database
    source = SqlSource(url, schemas=(schema,) if schema else ())
    try:
        table = f"{schema}.users" if schema else "users"
        with pytest.raises(sa.exc.SQLAlchemyError), source.engine.begin() as connection:
            connection.execute(sa.text(f"DELETE FROM {table}"))
        assert source.tables()[0].estimated_rows() is not None
    finally:
        source.dispose()


def test_missing_table_fails_alone(database: tuple[str, str | None]) -> None:
    url, schema = database
    source = SqlSource(url, schemas=(schema,) if schema else ())
    try:
        missing = source.table(f"{schema}.no_such_table" if schema else "no_such_table")
        inventory = InventoryRun(InventorySettings()).source(source, [missing, *source.tables()])
        assert inventory.tables[0].error is not None and "no such table" in inventory.tables[0].error
        assert all(table.error is None for table in inventory.tables[1:])
    finally:
        source.dispose()


def test_unreachable_server_is_one_line() -> None:
    with pytest.raises(DatabaseError) as caught:
        SqlSource("postgresql://user:hunter2secret@127.0.0.1:1/db", timeout=2).tables()
    message = str(caught.value)
    assert "\n" not in message and "hunter2secret" not in message and "***" in message


def test_wrong_password_is_one_line() -> None:
    require_tool(_reachable(MARIADB_URL), f"MariaDB server at {MARIADB_URL}")
    with pytest.raises(DatabaseError) as caught:
        SqlSource("mysql://nobody_yinsi:hunter2secret@127.0.0.1:3306/test", timeout=3).tables()
    message = str(caught.value)
    assert "\n" not in message and "hunter2secret" not in message and "denied" in message.lower()


def test_missing_sqlite_file(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="no such SQLite database file"):
        SqlSource(f"sqlite:///{tmp_path / 'absent.db'}")
    assert not (tmp_path / "absent.db").exists()


def test_large_table_sampling_paths(
    database: tuple[str, str | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above SMALL_TABLE_ROWS, MySQL/MariaDB samples random primary-key ranges and the estimate is the
    planner's (lowered here so that the test table counts as large)."""
    import yinsi.sources.sql as sql

    url, schema = database
    monkeypatch.setattr(sql, "SMALL_TABLE_ROWS", 5)
    source = SqlSource(url, schemas=(schema,) if schema else ())
    try:
        users = next(table for table in source.tables() if table.name.endswith("users"))
        sample = users.sample(10)
        assert 0 < len(sample.rows) <= 10
        assert len({row[0] for row in sample.rows}) == len(sample.rows)
        if source.engine.url.get_backend_name() in ("mysql", "mariadb"):
            assert sample.method.startswith("random key ranges")
    finally:
        source.dispose()


def test_masked_copy_into_sqlite(database: tuple[str, str | None], tmp_path: Path) -> None:
    """Any source dialect into SQLite: types made generic (BYTEA, DATETIME), personal columns masked,
    binary and other columns byte for byte."""
    from yinsi.policy.apply import PolicyRun
    from yinsi.policy.load import load_policy
    from yinsi.tabular.masked_copy import MaskedCopy

    url, schema = database
    source = SqlSource(url, schemas=(schema,) if schema else ())
    target = tmp_path / "copy.db"
    try:
        tables = source.tables()
        copier = MaskedCopy(source, f"sqlite:///{target}", PolicyRun(load_policy("courier")),
                            settings=InventorySettings(sample_size=20))
        results = {result.name.rpartition(".")[2]: result for result in copier.copy(tables)}
    finally:
        source.dispose()
    assert results["users"].status == "copied" and results["users"].rows == 40, results["users"].error
    assert set(results["users"].masked_columns) == {"xm", "sjh"}
    copy = create_engine(f"sqlite:///{target}")
    with copy.connect() as connection:
        rows = connection.execute(sa.text("SELECT id, xm, sjh, photo FROM users ORDER BY id")).fetchall()
    copy.dispose()
    assert len(rows) == 40
    for identifier, name, mobile, photo in rows:
        original = MOBILES[identifier % 4]
        assert name == NAMES[identifier % 4][0] + "*"
        assert mobile == original[:3] + "****" + original[-4:]
        assert bytes(photo) == bytes([identifier % 256, 0, 255])
