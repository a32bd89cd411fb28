"""Tables: classify columns, build the personal-information inventory (数据资产清单), audit retention
and write de-identified copies of databases. Sources (files, SQL) live in `yinsi.sources`."""
