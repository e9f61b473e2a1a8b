"""The data contract: every published table and view declared once, with its codes, keys and
checks, and what is generated from the declarations (pandera, DuckDB DDL, Arrow, Frictionless,
the data dictionary). Nothing here reads a page or writes a file."""
