"""The static catalog of snapshots people browse: pages drawn from a snapshot's Parquet files,
its charts, and a small read-only HTTP server for the snapshots folder."""
