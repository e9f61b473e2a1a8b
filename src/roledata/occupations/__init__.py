"""Occupation coding: each role placed in SOC 2018, O*NET-SOC and ISCO-08 (and ESCO where a label
matches), from its title first and what its pages say it does second.

- `text`: the folding both sides of a match share (titles, duties).
- `matcher`: candidates for one role, ranked (`code_role`).
- `coding`: the `role_occupations` rows of a run, from its final tables.
"""
