"""Prefect flows: thin wiring over `roledata.run.pipeline`."""
