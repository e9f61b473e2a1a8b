"""roledata: role-description pages -> normalized, validated, traceable tables."""

# Bump whenever parsing or extraction rules change the rows a page produces:
# it is recorded on every document and run, so a dataset says what made it.
PARSER_VERSION = "1.0.0"
CONTRACT_VERSION = "1"

__all__ = ["PARSER_VERSION", "CONTRACT_VERSION"]
