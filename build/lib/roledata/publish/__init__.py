"""Writing what a run made: the DuckDB warehouse (built beside the live file and swapped in),
the snapshot folder (Parquet, CSV, manifest, datapackage.json) and changes.json."""
