"""Rows as pandas frames with the contract's dtypes, and the pandera schema that checks them."""
from __future__ import annotations

from functools import lru_cache

from typing import TYPE_CHECKING

from roledata.contract.columns import PANDAS_DTYPES, Table

if TYPE_CHECKING:
    import pandas as pd
    import pandera.pandas as pa

# pandas and pandera are imported where frames are built or checked, not with the module: a
# command that builds no frame (a query, a run with nothing to do) does not pay their start-up.


@lru_cache(maxsize=None)
def pandera_schema(table: Table) -> pa.DataFrameSchema:
    """The table's pandera schema: types, nullability, codes, ranges and row checks (built once per
    process). pandera is imported here, when rows are first checked: a command that checks no
    rows (a query, a run with nothing to do) does not pay its start-up."""
    import pandera.pandas as pa

    columns = {}
    for col in table.columns:
        checks = []
        if col.codes:
            checks.append(pa.Check.isin(list(col.codes), name=f"{col.name} in allowed codes"))
        if col.min_value is not None:
            checks.append(pa.Check.ge(col.min_value, name=f"{col.name} >= {col.min_value:g}"))
        if col.max_value is not None:
            checks.append(pa.Check.le(col.max_value, name=f"{col.name} <= {col.max_value:g}"))
        if col.dtype == "list":
            checks.append(pa.Check(lambda s: s.map(lambda v: v is None or isinstance(v, list)), name=f"{col.name} is a list"))
        columns[col.name] = pa.Column(PANDAS_DTYPES[col.dtype], nullable=col.nullable, checks=checks, coerce=True)
    wide = [pa.Check(check.test, name=check.name) for check in table.checks]
    return pa.DataFrameSchema(columns, checks=wide, strict=True, ordered=True, name=table.name)


def empty_frame(table: Table) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame({c.name: pd.Series(dtype=PANDAS_DTYPES[c.dtype]) for c in table.columns})


def to_frame(table: Table, rows: list[dict]) -> pd.DataFrame:
    """Rows (dicts) -> a DataFrame with exactly the table's columns and dtypes."""
    import pandas as pd

    if not rows:
        return empty_frame(table)
    df = pd.DataFrame.from_records(rows, columns=table.column_names)
    for c in table.columns:
        if c.dtype == "list":
            df[c.name] = df[c.name].map(lambda v: list(v) if isinstance(v, (list, tuple)) else None).astype(object)
        elif c.dtype == "timestamp":
            df[c.name] = pd.to_datetime(df[c.name], utc=True).astype(PANDAS_DTYPES["timestamp"])
        else:
            df[c.name] = df[c.name].astype(PANDAS_DTYPES[c.dtype])
        if c.default is not None:
            df[c.name] = df[c.name].fillna(c.default)
    return df
