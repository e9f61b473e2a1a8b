"""The Prefect flow's entry point for `prefect deploy` (prefect.yaml names this file).

The flow itself lives in `roledata.run.flow`, inside the installed package, so
worker processes and deployments import it like any other module; this file
only makes it reachable by path from a checkout.
"""
from roledata.run.flow import build_dataset

__all__ = ["build_dataset"]
