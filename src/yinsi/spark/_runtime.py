"""Finding PySpark and Java, and starting a session with settings that suit yinsi's Python-heavy jobs.

pyspark is imported only here and only when called (STYLE.md #15: `import yinsi` must stay fast and
must work without the `spark` extra). A missing pyspark or Java raises ToolMissingError with one line
that says what to install, which the CLI prints before exiting with status 2.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

from yinsi.core.errors import ToolMissingError

DEFAULT_MASTER = "local[*]"
APP_NAME = "yinsi"

# Settings for a session on one machine. The UI and console progress bars cost start-up time and
# write to the terminal; Arrow moves batches to Python workers in columnar form (the whole point of
# mapInPandas); a serial, C1-only JVM starts faster and the JVM side of these jobs is light; the JVM
# logs errors only (data/spark/log4j2.properties).
LOCAL_CONF: Mapping[str, str] = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.execution.arrow.pyspark.enabled": "true",
    "spark.sql.session.timeZone": "UTC",
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
}
_JAVA_OPTIONS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
_LOG_CONFIG = Path(__file__).resolve().parent.parent / "data" / "spark" / "log4j2.properties"


def require_pyspark() -> ModuleType:
    """The pyspark module, or ToolMissingError naming the extra to install."""
    try:
        import pyspark
    except ImportError:
        raise ToolMissingError(
            "pyspark is not installed: pip install 'yinsi[spark]' (needs Java 17 or later)"
        ) from None
    return pyspark


def java_available(environ: Mapping[str, str] | None = None) -> bool:
    """Whether a `java` executable can be found ($JAVA_HOME/bin/java, else on PATH), as spark-submit does."""
    env = os.environ if environ is None else environ
    home = env.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").is_file():
        return True
    return shutil.which("java", path=env.get("PATH")) is not None


def require_java() -> None:
    if not java_available():
        raise ToolMissingError(
            "Java is not installed (Spark needs Java 17 or later): install a JRE, e.g. "
            "apt-get install default-jre-headless, or set JAVA_HOME"
        )


def local_environment() -> None:
    """Point Spark's Python workers at this interpreter and its loopback address.

    Without PYSPARK_PYTHON the workers start the system `python3`, which lacks yinsi and pandas; a host
    name that resolves to a loopback address makes Spark warn unless SPARK_LOCAL_IP is set. Values the
    user set are kept.
    """
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")


def get_session(
    master: str | None = DEFAULT_MASTER, *, conf: Mapping[str, str] | None = None, app_name: str = APP_NAME
) -> Any:
    """A SparkSession: the active one when `master` is None (spark-submit), else a new or reused one.

    Local masters (`local`, `local[N]`, `local[*]`) get LOCAL_CONF; a cluster master gets only `conf`,
    since the cluster's own defaults should win there.
    """
    require_pyspark()
    require_java()
    from pyspark.sql import SparkSession

    if master is None:
        active = SparkSession.getActiveSession()
        if active is not None:
            return active
    builder = SparkSession.builder.appName(app_name)
    if master is not None:
        builder = builder.master(master)
        if master.startswith("local"):
            local_environment()
            for name, value in LOCAL_CONF.items():
                builder = builder.config(name, value)
            options = _JAVA_OPTIONS
            if _LOG_CONFIG.is_file():
                options += f" -Dlog4j.configurationFile=file:{_LOG_CONFIG}"
            builder = builder.config("spark.driver.extraJavaOptions", options)
    for name, value in (conf or {}).items():
        builder = builder.config(name, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session
