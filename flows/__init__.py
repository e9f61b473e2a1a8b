"""Prefect flows: thin wiring over `roledata.pipeline`."""
