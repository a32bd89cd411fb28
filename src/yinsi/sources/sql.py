"""SQL databases through SQLAlchemy URLs: SQLite, PostgreSQL (psycopg), MySQL/MariaDB (PyMySQL).

The audited database is only ever read. SQLite files are opened through a `mode=ro` URI with
`PRAGMA query_only`; PostgreSQL sessions start with `default_transaction_read_only=on`; MySQL and
MariaDB sessions with `SET SESSION TRANSACTION READ ONLY`. Full scans stream through server-side
cursors (`stream_results`, `yield_per`), so memory holds one batch, not a table.

Samples are random where the engine can draw them cheaply: `TABLESAMPLE BERNOULLI` on PostgreSQL,
`ORDER BY RANDOM()` on SQLite, `ORDER BY RAND()` on small MySQL tables and random key ranges of the
integer primary key on large ones. Errors become `DatabaseError` with one line that never shows the
URL's password.
"""

from __future__ import annotations

import datetime
import os
import random
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from yinsi.core.errors import InputError
from yinsi.sources.tables import ColumnInfo, Row, Sample, Table, ValueKind, as_datetime, count_retention

DEFAULT_TIMEOUT = 10.0
DEFAULT_STATEMENT_TIMEOUT = 600.0
# Tables up to this many (estimated) rows are counted exactly and, on MySQL, sampled by ORDER BY RAND().
SMALL_TABLE_ROWS = 100_000
_KEY_RANGES = 10
_SEED = 20240601
_SYSTEM_SCHEMAS = frozenset({"information_schema", "pg_catalog", "pg_toast", "mysql", "performance_schema",
                             "sys"})
_DRIVERS = {
    "postgresql": "postgresql+psycopg", "postgres": "postgresql+psycopg",
    "mysql": "mysql+pymysql", "mariadb": "mariadb+pymysql",
}
_SQLITE_SUFFIXES = frozenset({".db", ".sqlite", ".sqlite3"})


class DatabaseError(InputError):
    """A database that cannot be reached or read: refused, bad credentials, missing table, timeout."""


def normalize_url(url: str, *, read_only: bool = True) -> Any:
    """A SQLAlchemy URL with yinsi's drivers (psycopg, PyMySQL) and, for SQLite, a read-only URI.

    A bare path to an existing `.db`/`.sqlite` file is taken as SQLite.
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    if "://" not in url and Path(url).suffix.lower() in _SQLITE_SUFFIXES:
        url = "sqlite:///" + url
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseError(f"not a database URL: {mask_url_text(url)}") from None
    name = parsed.drivername
    if name in _DRIVERS:
        parsed = parsed.set(drivername=_DRIVERS[name])
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        database = parsed.database
        if database is not None and not database.startswith("file:"):
            path = Path(database)
            if read_only and not path.is_file():
                raise DatabaseError(f"{database}: no such SQLite database file")
            query = dict(parsed.query)
            query["uri"] = "true"
            if read_only:
                query["mode"] = "ro"
            parsed = parsed.set(database=f"file:{path.resolve()}", query=query)
    return parsed


def mask_url_text(url: str) -> str:
    """`scheme://user:secret@host` → `scheme://user:***@host`, for URLs SQLAlchemy cannot parse."""
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def display_url(parsed: Any) -> str:
    return str(parsed.render_as_string(hide_password=True))


def display_of(url: str) -> str:
    """The URL as the user gave it (a bare path as `sqlite:///path`), password shown as `***`."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    if "://" not in url and Path(url).suffix.lower() in _SQLITE_SUFFIXES:
        url = "sqlite:///" + url
    try:
        return display_url(make_url(url))
    except ArgumentError:
        return mask_url_text(url)


def create_engine(
    url: str, *, read_only: bool = True, timeout: float = DEFAULT_TIMEOUT,
    statement_timeout: float | None = DEFAULT_STATEMENT_TIMEOUT,
) -> Any:
    """An Engine whose sessions are read-only (unless `read_only=False`, for copy destinations)
    and give up connecting after `timeout` and running a statement after `statement_timeout` seconds."""
    import sqlalchemy
    from sqlalchemy import event
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    parsed = normalize_url(url, read_only=read_only)
    backend = parsed.get_backend_name()
    connect_args: dict[str, Any] = {}
    if backend == "postgresql":
        options = []
        if read_only:
            options.append("-c default_transaction_read_only=on")
        if statement_timeout:
            options.append(f"-c statement_timeout={int(statement_timeout * 1000)}")
        given = parsed.query.get("options")  # the user's own (e.g. -csearch_path=...) come first
        if isinstance(given, str):
            options.insert(0, given)
        connect_args = {"connect_timeout": max(1, int(timeout))}
        if options:
            connect_args["options"] = " ".join(options)
    elif backend in ("mysql", "mariadb"):
        connect_args = {"connect_timeout": max(1, int(timeout))}
        if statement_timeout:
            connect_args["read_timeout"] = max(1, int(statement_timeout))
    elif backend == "sqlite":
        connect_args = {"timeout": timeout}
    try:
        engine = sqlalchemy.create_engine(parsed, connect_args=connect_args, pool_pre_ping=False)
    except (NoSuchModuleError, ImportError) as error:
        raise DatabaseError(
            f"{display_url(parsed)}: database driver not installed ({error}); pip install 'yinsi[tables]'"
        ) from None
    except ArgumentError as error:
        raise DatabaseError(f"{display_url(parsed)}: {error}") from None

    if read_only and backend in ("mysql", "mariadb"):
        @event.listens_for(engine, "connect")
        def _read_only_mysql(dbapi_connection: Any, record: Any) -> None:
            with dbapi_connection.cursor() as cursor:
                cursor.execute("SET SESSION TRANSACTION READ ONLY")
    if read_only and backend == "sqlite":
        @event.listens_for(engine, "connect")
        def _read_only_sqlite(dbapi_connection: Any, record: Any) -> None:
            dbapi_connection.execute("PRAGMA query_only = 1")
    return engine


_DEFAULT_PORTS = {"postgresql": 5432, "mysql": 3306, "mariadb": 3306}
_LOOPBACK = frozenset({"", "localhost", "127.0.0.1", "::1"})


def same_database(first: Any, second: Any) -> bool:
    """Whether two engine URLs (from `create_engine`) name one database, however they are spelled.

    SQLite files are compared as files (relative paths, `..`, doubled slashes, symlinks and hard
    links all count); servers by backend, host (any loopback name is one host), port (the default
    filled in) and database name. Writing a masked copy over its source would empty the source.
    """
    if first.get_backend_name() != second.get_backend_name():
        return False
    backend = first.get_backend_name()
    if backend == "sqlite":
        paths = [sqlite_file(url) for url in (first, second)]
        if paths[0] is None or paths[1] is None:
            return False
        try:
            return paths[0] == paths[1] or os.path.samefile(paths[0], paths[1])
        except OSError:
            return False
    hosts = [(url.host or "").lower() for url in (first, second)]
    hosts = ["localhost" if host in _LOOPBACK else host for host in hosts]
    ports = [url.port or _DEFAULT_PORTS.get(backend) for url in (first, second)]
    return hosts[0] == hosts[1] and ports[0] == ports[1] and first.database == second.database


def sqlite_file(url: Any) -> Path | None:
    """The file behind a SQLite URL (`file:` URIs included); None for memory or another backend."""
    database: str | None = url.database if url.get_backend_name() == "sqlite" else None
    if database is not None and database.startswith("file:"):
        database = database.removeprefix("file:").partition("?")[0]
    if not database or database == ":memory:":
        return None
    return Path(database).resolve()


def describe_error(error: BaseException, engine_or_url: Any) -> str:
    """One line about a driver error, without the password (even if a driver echoes it)."""
    url = getattr(engine_or_url, "url", engine_or_url)
    original = getattr(error, "orig", None)
    text = str(original if original is not None else error).strip()
    line = next((part.strip() for part in text.splitlines() if part.strip()), type(error).__name__)
    line = re.sub(r"\s*\(Background on this error.*$", "", line)
    password = getattr(url, "password", None)
    if password:
        line = line.replace(str(password), "***")
    if len(line) > 300:
        line = line[:297] + "..."
    return line


def kind_of(sql_type: Any) -> ValueKind:
    """The ValueKind of a reflected SQLAlchemy type."""
    from sqlalchemy import types

    if isinstance(sql_type, types.Boolean):
        return ValueKind.BOOLEAN
    if isinstance(sql_type, types.Integer):
        return ValueKind.INTEGER
    if isinstance(sql_type, types.Numeric | types.Float):
        return ValueKind.NUMBER
    if isinstance(sql_type, types.Date | types.DateTime | types.Time | types.Interval):
        return ValueKind.TEMPORAL
    if isinstance(sql_type, types._Binary):
        return ValueKind.BINARY
    if isinstance(sql_type, types.String | types.JSON):
        return ValueKind.TEXT
    return ValueKind.OTHER


class SqlSource:
    """A database's tables (in the default schema, or in the schemas named)."""

    def __init__(
        self, url: str, *, schemas: Sequence[str] = (), timeout: float = DEFAULT_TIMEOUT,
        statement_timeout: float | None = DEFAULT_STATEMENT_TIMEOUT,
    ) -> None:
        self.engine = create_engine(url, timeout=timeout, statement_timeout=statement_timeout)
        self.display_name = display_of(url)
        self.schemas = tuple(schemas)

    def table_names(self) -> list[tuple[str | None, str]]:
        """(schema, table) pairs; schema None is the connection's default schema."""
        import sqlalchemy

        try:
            inspector = sqlalchemy.inspect(self.engine)
            pairs: list[tuple[str | None, str]] = []
            for schema in self.schemas or (None,):
                if schema is not None and schema in _SYSTEM_SCHEMAS:
                    continue
                pairs.extend((schema, name) for name in sorted(inspector.get_table_names(schema=schema)))
            return pairs
        except sqlalchemy.exc.SQLAlchemyError as error:
            raise DatabaseError(f"{self.display_name}: {describe_error(error, self.engine)}") from None

    def tables(self) -> list[Table]:
        return [SqlTable(self, schema, name) for schema, name in self.table_names()]

    def table(self, qualified: str) -> SqlTable:
        schema, _, name = qualified.rpartition(".")
        return SqlTable(self, schema or None, name)

    def dispose(self) -> None:
        self.engine.dispose()


class SqlTable:
    """One table, read in read-only transactions."""

    def __init__(self, source: SqlSource, schema: str | None, name: str) -> None:
        self.source = source
        self.schema = schema
        self.table_name = name
        self.name = f"{schema}.{name}" if schema else name
        self._columns: tuple[ColumnInfo, ...] | None = None
        self._types: dict[str, Any] = {}
        self._primary_key: list[str] = []
        self._estimate: int | None = None
        self._estimated = False

    @property
    def backend(self) -> str:
        return str(self.source.engine.url.get_backend_name())

    def _fail(self, error: BaseException) -> DatabaseError:
        return DatabaseError(f"{self.name}: {describe_error(error, self.source.engine)}")

    def columns(self) -> tuple[ColumnInfo, ...]:
        if self._columns is None:
            import sqlalchemy

            try:
                inspector = sqlalchemy.inspect(self.source.engine)
                reflected = inspector.get_columns(self.table_name, schema=self.schema)
                self._primary_key = list(
                    inspector.get_pk_constraint(self.table_name, schema=self.schema)
                    .get("constrained_columns") or []
                )
            except sqlalchemy.exc.NoSuchTableError:
                raise DatabaseError(f"{self.name}: no such table") from None
            except sqlalchemy.exc.SQLAlchemyError as error:
                raise self._fail(error) from None
            if not reflected:
                raise DatabaseError(f"{self.name}: no such table (or no columns visible)")
            self._types = {column["name"]: column["type"] for column in reflected}
            self._columns = tuple(
                ColumnInfo(column["name"], _type_name(column["type"]), kind_of(column["type"]))
                for column in reflected
            )
        return self._columns

    def selectable(self) -> Any:
        import sqlalchemy

        self.columns()
        return sqlalchemy.table(
            self.table_name, *(sqlalchemy.column(name, type_) for name, type_ in self._types.items()),
            schema=self.schema,
        )

    def _scalar(self, statement: Any, parameters: dict[str, Any] | None = None) -> Any:
        import sqlalchemy

        try:
            with self.source.engine.connect() as connection:
                return connection.execute(statement, parameters or {}).scalar()
        except sqlalchemy.exc.SQLAlchemyError as error:
            raise self._fail(error) from None

    def _rows(self, statement: Any) -> list[Row]:
        import sqlalchemy

        try:
            with self.source.engine.connect() as connection:
                return [tuple(row) for row in connection.execute(statement)]
        except sqlalchemy.exc.SQLAlchemyError as error:
            raise self._fail(error) from None

    def estimated_rows(self) -> int | None:
        """The planner's estimate (PostgreSQL reltuples, MySQL table_rows), counted exactly when the
        estimate is missing or small; SQLite tables are always counted."""
        if self._estimated:
            return self._estimate
        import sqlalchemy

        self.columns()
        estimate: int | None = None
        if self.backend == "postgresql":
            value = self._scalar(sqlalchemy.text(
                "SELECT c.reltuples::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE c.relname = :t AND n.nspname = COALESCE(:s, current_schema())"
            ), {"t": self.table_name, "s": self.schema})
            estimate = int(value) if value is not None and value >= 0 else None
        elif self.backend in ("mysql", "mariadb"):
            value = self._scalar(sqlalchemy.text(
                "SELECT table_rows FROM information_schema.tables "
                "WHERE table_name = :t AND table_schema = COALESCE(:s, DATABASE())"
            ), {"t": self.table_name, "s": self.schema})
            estimate = int(value) if value is not None else None
        if estimate is None or estimate <= SMALL_TABLE_ROWS:
            estimate = int(self._scalar(
                sqlalchemy.select(sqlalchemy.func.count()).select_from(self.selectable())
            ))
        self._estimate, self._estimated = estimate, True
        return estimate

    def sample(self, size: int) -> Sample:
        import sqlalchemy

        table = self.selectable()
        rows = self.estimated_rows() or 0
        if rows <= size:
            return Sample(self._rows(sqlalchemy.select(table)), "all rows")
        backend = self.backend
        if backend == "postgresql":
            # Twice the share needed, then LIMIT: Bernoulli draws a binomial number of rows.
            percent = min(100.0, 200.0 * size / rows)
            sampled = sqlalchemy.tablesample(
                table, sqlalchemy.func.bernoulli(percent), seed=sqlalchemy.literal(_SEED)
            )
            statement = sqlalchemy.select(sampled).limit(size)
            return Sample(self._rows(statement), f"random (TABLESAMPLE BERNOULLI {percent:.3g}%)")
        if backend == "sqlite":
            statement = sqlalchemy.select(table).order_by(sqlalchemy.func.random()).limit(size)
            return Sample(self._rows(statement), "random (ORDER BY RANDOM())")
        if backend in ("mysql", "mariadb"):
            if rows <= SMALL_TABLE_ROWS:
                statement = sqlalchemy.select(table).order_by(sqlalchemy.func.rand()).limit(size)
                return Sample(self._rows(statement), "random (ORDER BY RAND())")
            return self._key_range_sample(table, size)
        return Sample(self._rows(sqlalchemy.select(table).limit(size)), "first rows")

    def _key_range_sample(self, table: Any, size: int) -> Sample:
        """Rows from random starting points of an integer primary key: index seeks, no full scan."""
        import sqlalchemy

        key = self._primary_key[0] if len(self._primary_key) == 1 else None
        if key is None or kind_of(self._types[key]) is not ValueKind.INTEGER:
            share = min(1.0, 2.0 * size / (self.estimated_rows() or 1))
            statement = sqlalchemy.select(table).where(sqlalchemy.func.rand() < share).limit(size)
            return Sample(self._rows(statement), f"random (RAND() < {share:.3g})")
        column = table.c[key]
        low = self._scalar(sqlalchemy.select(sqlalchemy.func.min(column)))
        high = self._scalar(sqlalchemy.select(sqlalchemy.func.max(column)))
        rng = random.Random(_SEED)
        per_range = max(1, size // _KEY_RANGES)
        position = list(table.c.keys()).index(key)
        rows: dict[object, Row] = {}  # by key: ranges starting close together overlap
        for start in sorted(rng.randint(int(low), int(high)) for _ in range(_KEY_RANGES)):
            statement = sqlalchemy.select(table).where(column >= start).order_by(column).limit(per_range)
            rows.update((row[position], row) for row in self._rows(statement))
        return Sample(list(rows.values())[:size], f"random key ranges ({_KEY_RANGES} x {per_range})")

    def batches(self, size: int) -> Iterator[list[Row]]:
        """Every row, streamed through a server-side cursor in a read-only transaction."""
        import sqlalchemy

        statement = sqlalchemy.select(self.selectable())
        try:
            with self.source.engine.connect() as connection:
                result = connection.execution_options(stream_results=True, yield_per=size).execute(statement)
                for partition in result.partitions(size):
                    yield [tuple(row) for row in partition]
        except sqlalchemy.exc.SQLAlchemyError as error:
            raise self._fail(error) from None

    def retention(
        self, timestamp: ColumnInfo, limit: datetime.datetime, personal: Sequence[ColumnInfo]
    ) -> tuple[int, datetime.datetime | None]:
        """One aggregate query on a typed timestamp column; text timestamps are parsed row by row."""
        import sqlalchemy

        if timestamp.kind is not ValueKind.TEMPORAL:
            return count_retention(self, timestamp, limit, personal)
        table = self.selectable()
        when = table.c[timestamp.name]
        bound: Any = limit.date() if isinstance(self._types[timestamp.name], sqlalchemy.types.Date) and not \
            isinstance(self._types[timestamp.name], sqlalchemy.types.DateTime) else limit
        statement = sqlalchemy.select(sqlalchemy.func.count(), sqlalchemy.func.min(when)).where(
            when < bound, sqlalchemy.or_(*(table.c[column.name].is_not(None) for column in personal))
        )
        rows = self._rows(statement)
        count, oldest = rows[0] if rows else (0, None)
        return int(str(count or 0)), as_datetime(oldest)


def _type_name(sql_type: Any) -> str:
    try:
        return str(sql_type)
    except Exception:  # some dialect types cannot compile without a dialect
        return type(sql_type).__name__
