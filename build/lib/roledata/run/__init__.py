"""A run: plan what changed, parse it side by side, keep checked rows in the row store, check
across pages, then commit (publish and upkeep). `pipeline` runs the steps directly, `flow` as
Prefect tasks; `session` holds the lock and the journal; `report` says what happened."""
