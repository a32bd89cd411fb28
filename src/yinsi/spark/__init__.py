"""Scan and de-identify Spark DataFrames with the same recognizers, inventory and policies as one machine.

Needs the `spark` extra (`pip install 'yinsi[spark]'`: pyspark, pandas, pyarrow) and Java 17+.
pyspark is imported only when a function here is called; `import yinsi` never imports it.

    from yinsi.spark import scan_dataframe, mask_dataframe, inventory_table
    findings = scan_dataframe(df, row_key="id")                  # a DataFrame, computed lazily
    report = inventory_table(df, "customers")                      # a yinsi.tabular TableReport
    masked = mask_dataframe(df, "courier", key=os.environ["YINSI_KEY"])

Work runs in `mapInPandas` (Arrow batches, one Python call per batch); recognizers, classifiers and
policy runs are built once per executor Python process and reused (yinsi.spark._workers); keys travel
in the task closure inside a SealedKey whose repr shows only an id.
"""

from __future__ import annotations

from yinsi.spark._runtime import DEFAULT_MASTER, get_session, java_available
from yinsi.spark.inventory import inventory_dataframes, inventory_table
from yinsi.spark.mask import mask_dataframe
from yinsi.spark.scan import FINDINGS_SCHEMA, scan_dataframe

__all__ = [
    "DEFAULT_MASTER",
    "FINDINGS_SCHEMA",
    "get_session",
    "inventory_dataframes",
    "inventory_table",
    "java_available",
    "mask_dataframe",
    "scan_dataframe",
]
