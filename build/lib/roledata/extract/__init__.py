"""Extractors: each reads one kind of row out of a parsed `Outline`."""
