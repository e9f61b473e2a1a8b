"""Codings kept between runs: an unchanged role is not coded again, a changed one is."""
from __future__ import annotations

from roledata.occupations.coding import role_occupation_rows
from roledata.run.occupation_cache import OccupationCache

NURSE = ("registered-nurse", "Registered Nurse", [], ["Assess patients and record vital signs"], "")
WELDER = ("welder", "Welder", [], [], "")


def _asking():
    """A coder that records the role ids it is asked to code, call by call."""
    asked: list[list[str]] = []

    def code(roles):
        roles = list(roles)
        asked.append([r[0] for r in roles])
        return role_occupation_rows(roles)

    return asked, code


def test_an_unchanged_role_keeps_its_coding_and_a_changed_one_is_coded_again(tmp_path):
    asked, code = _asking()
    first = OccupationCache(tmp_path).rows([[NURSE, WELDER]], code)
    again = OccupationCache(tmp_path).rows([[NURSE, WELDER]], code)
    assert asked == [["registered-nurse", "welder"], []] and again == first
    renamed = ("registered-nurse", "Welder", [], ["Join steel parts with an arc"], "")
    changed = OccupationCache(tmp_path).rows([[renamed, WELDER]], code)
    assert asked[-1] == ["registered-nurse"]
    assert [(r["role_id"], r["soc_code"]) for r in changed if r["rank"] == 1] == [
        ("registered-nurse", "51-4121"), ("welder", "51-4121")]
    assert [p.name for p in (tmp_path / "occupations").iterdir()] == [OccupationCache(tmp_path).path.name]


def test_an_unreadable_cache_means_coding_everything_again(tmp_path):
    cache = OccupationCache(tmp_path)
    cache.folder.mkdir()
    cache.path.write_text("{not json", encoding="utf-8")
    rows = cache.rows([[WELDER]], role_occupation_rows)
    assert rows[0]["soc_code"] == "51-4121" and OccupationCache(tmp_path).rows([[WELDER]], lambda r: []) == rows


def test_roles_with_the_same_inputs_share_one_coding(tmp_path):
    twin = ("welder-2", "Welder", [], [], "")
    rows = OccupationCache(tmp_path).rows([[WELDER, twin]], role_occupation_rows)
    assert [r["role_id"] for r in rows if r["rank"] == 1] == ["welder", "welder-2"]


def test_a_changed_role_among_unchanged_ones_gets_its_own_coding(tmp_path):
    """The codings of the roles coded now are filed under their own inputs, not their neighbours'."""
    nurse = ("registered-nurse", "Registered Nurse", [], [], "")
    OccupationCache(tmp_path).rows([[WELDER, nurse]], role_occupation_rows)
    editor = ("editor", "Editor", [], [], "")
    rows = OccupationCache(tmp_path).rows([[WELDER, editor, nurse]], role_occupation_rows)
    clean = role_occupation_rows([WELDER, editor, nurse])
    assert rows == clean and {r["role_id"] for r in rows} == {"welder", "editor", "registered-nurse"}
    assert OccupationCache(tmp_path).rows([[WELDER, editor, nurse]], lambda roles: []) == clean


def test_roles_given_in_slices_get_the_rows_of_one_slice_and_a_twin_is_coded_once(tmp_path):
    asked, code = _asking()
    twin = ("welder-2", "Welder", [], [], "")
    rows = OccupationCache(tmp_path).rows([[NURSE], [WELDER], [twin]], code)
    assert rows == role_occupation_rows([NURSE, WELDER, twin])
    assert asked == [["registered-nurse"], ["welder"], []]
