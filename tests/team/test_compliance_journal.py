"""Issue 23 with a team database: the compliance journal of the team's lists is not the
single agent's (the two number their lists apart), and the purpose chosen at a team import
is kept in the team database, read the same on every desk."""

from __future__ import annotations

from pathlib import Path

from dialer_app.composition import open_journal, open_lists
from dialer_app.core.compliance.purpose import Purpose
from dialer_app.core.config import Paths
from tests.team.conftest import StoreFactory, preview_of


def test_a_team_list_and_a_local_list_with_the_same_id_keep_their_own_purposes(
    stores: StoreFactory, tmp_path: Path
) -> None:
    paths = Paths(tmp_path / "desk")
    local, _problem = open_lists(paths)
    mine = preview_of(3, "Mine")
    mine.purpose = Purpose.PROMOTIONAL
    local_list = local.create_list(mine)
    team_list = stores("supervisor").create_list(preview_of(3, "Theirs"))  # no purpose
    assert local_list is not None
    assert team_list is not None
    assert local_list.list_id == team_list.list_id  # the same number, two different lists
    agent = stores("agent_a")
    team_journal = open_journal(paths, lambda: agent)
    local_journal = open_journal(paths, lambda: local)

    assert team_journal.purpose(team_list.list_id) is None  # asked, not the local list's
    team_journal.save_list(team_list.list_id, Purpose.SERVICE, ())
    assert team_journal.purpose(team_list.list_id) is Purpose.SERVICE
    assert local_journal.purpose(local_list.list_id) is Purpose.PROMOTIONAL
    team_journal.close()
    local_journal.close()
    local.close()


def test_the_purpose_chosen_at_a_team_import_is_read_on_every_desk(
    stores: StoreFactory, tmp_path: Path
) -> None:
    chosen = preview_of(3, "Renewals")
    chosen.purpose = Purpose.TRANSACTIONAL
    imported = stores("supervisor").create_list(chosen)
    assert imported is not None
    first, second = stores("agent_a"), stores("agent_b")
    journals = [
        open_journal(Paths(tmp_path / "a"), lambda: first),
        open_journal(Paths(tmp_path / "b"), lambda: second),
    ]
    assert [j.purpose(imported.list_id) for j in journals] == [Purpose.TRANSACTIONAL] * 2
    assert first.list_purpose(imported.list_id) == "transactional"
    for journal in journals:
        journal.close()
