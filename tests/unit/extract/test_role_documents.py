"""A page's roles are its `role_documents` rows: the role it is about (one primary row) and each
role it lists, once per role."""
from __future__ import annotations

from roledata.extract.document import process_document
from roledata.extract.roles import role_document_rows
from tests.conftest import PAGES, RAW, SAMPLES


def _role(role_id: str, primary: bool = False, title: str = "") -> dict:
    return {"role_id": role_id, "title": title or role_id, "is_primary": primary}


def test_a_role_the_page_names_twice_is_one_row_and_its_own_role_stays_primary():
    own = _role("vp-of-ai", primary=True, title="VP of AI")
    listed = [_role("ai-safety-engineer"), _role("vp-of-ai", title="VP of AI (listed)"),
              _role("ai-safety-engineer", title="AI Safety Engineer, again"), _role("voice-ai-engineer")]
    rows = role_document_rows(own, listed)
    assert [(r["role_id"], r["title"], r["is_primary"]) for r in rows] == [
        ("vp-of-ai", "VP of AI", True), ("ai-safety-engineer", "ai-safety-engineer", False),
        ("voice-ai-engineer", "voice-ai-engineer", False)]


def test_a_more_in_list_naming_the_page_itself_gives_no_second_row():
    """The sample about the VP of AI with its own title added to its "More in" list: one primary
    row for the VP of AI, then the six listed roles, each once."""
    text = (RAW / SAMPLES["vp_of_ai"]).read_text(encoding="utf-8")
    listed = "- Voice AI Engineer$105K–$195K\n"
    assert text.count(listed) == 1
    text = text.replace(listed, "- VP of AI$250K–$400K\nA VP of AI leads the AI function.\n" + listed)
    result = process_document("vp.txt", text.encode("utf-8"))
    rows = result.tables["role_documents"]
    assert [(r["role_id"], r["is_primary"], r["title_source"]) for r in rows] == [
        ("vp-of-ai", True, "title_line"), ("voice-ai-engineer", False, "listed"),
        ("video-generation-engineer", False, "listed"), ("synthetic-data-engineer", False, "listed"),
        ("staff-machine-learning-engineer", False, "listed"), ("ai-safety-engineer", False, "listed"),
        ("healthcare-ai-engineer", False, "listed")]
    assert rows[0]["text"] == text[rows[0]["char_start"]:rows[0]["char_end"]] == "VP of AI"
    assert rows[0]["family"] == "Artificial Intelligence" and rows[1]["section_heading"] == "More in Artificial Intelligence"


def test_a_posting_keeps_its_title_as_written():
    page = PAGES / "market" / "m14_redwood-civic-labs.txt"
    result = process_document(page.name, page.read_bytes())
    [row] = result.tables["role_documents"]
    assert (row["role_id"], row["title"], row["is_primary"], row["title_source"]) == (
        "machine-learning-engineer", "Machine-Learning Engineer", True, "title_line")
    assert (row["char_start"], row["char_end"], row["section_heading"]) == (0, 25, None)
    assert "roles" not in result.tables  # the role dimension is built by the run, across pages
