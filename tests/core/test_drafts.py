"""Incident drafts on disk: one owner-only file per form, replaced whole, keyed by database
and operation."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from opscenter.drafts import ENV_VAR, DraftBox, default_folder, draft_key, new_draft_id

NOW = datetime(2024, 11, 27, 13, 0, tzinfo=UTC)
KEY = draft_key("sqlite:////data/opscenter.db", 1)


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)  # what most desktops have: files 0644, folders 0755
    try:
        yield
    finally:
        os.umask(old)


def test_a_draft_is_written_owner_only_and_read_back(tmp_path: Path, loose_umask: None) -> None:
    box = DraftBox(tmp_path / "drafts")
    draft_id = new_draft_id()
    path = box.save(KEY, draft_id, {"title": "Unjuk rasa", "dead": 0}, now=NOW)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(box.folder.stat().st_mode) == 0o700
    (draft,) = box.pending(KEY)
    assert (draft.id, draft.key, draft.saved_at) == (draft_id, KEY, NOW)
    assert draft.fields == {"title": "Unjuk rasa", "dead": 0}
    assert [p.name for p in box.folder.iterdir()] == [path.name]  # no temporary file left


def test_saving_again_replaces_the_file_and_keeps_its_mode(tmp_path: Path) -> None:
    box = DraftBox(tmp_path)
    draft_id = new_draft_id()
    box.save(KEY, draft_id, {"title": "Unjuk"}, now=NOW)
    path = box.save(KEY, draft_id, {"title": "Unjuk rasa di KPU"}, now=NOW)
    assert [d.fields["title"] for d in box.pending(KEY)] == ["Unjuk rasa di KPU"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_drafts_belong_to_one_database_and_operation(tmp_path: Path) -> None:
    box = DraftBox(tmp_path)
    box.save(KEY, new_draft_id(), {"title": "a"}, now=NOW)
    box.save(draft_key("sqlite:////data/opscenter.db", 2), new_draft_id(), {}, now=NOW)
    box.save(draft_key("postgresql+psycopg://polda@db/ops", 1), new_draft_id(), {}, now=NOW)
    assert [d.fields for d in box.pending(KEY)] == [{"title": "a"}]
    assert box.discard(KEY) == 1
    assert box.pending(KEY) == []
    assert len(box.all()) == 2  # the others are untouched


def test_remove_and_unreadable_files(tmp_path: Path) -> None:
    box = DraftBox(tmp_path)
    draft_id = new_draft_id()
    box.save(KEY, draft_id, {}, now=NOW)
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    assert [d.id for d in box.pending(KEY)] == [draft_id]  # a broken file is skipped
    box.remove(draft_id)
    box.remove(draft_id)  # twice: no error
    assert box.pending(KEY) == []
    with pytest.raises(ValueError, match="bad draft id"):
        box.remove("../opscenter")


def test_the_folder_comes_from_the_environment_or_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "x"))
    assert default_folder() == tmp_path / "x"
    monkeypatch.delenv(ENV_VAR)
    assert default_folder().name == "drafts"
    assert default_folder().parent.name == "OpsCenter"
    assert DraftBox(tmp_path / "none").all() == []  # no folder yet: no drafts
