"""A team's list exported: the file's columns, the app's, then ``dialer_agent`` (the name of
the member who made each lead's last attempt). It only reads, so it runs while windows work."""

from __future__ import annotations

from pathlib import Path

from dialer_app.core.leads.export import write_list
from dialer_app.core.leads.model import Lead, LeadList
from dialer_app.core.team.store import TeamLeadStore

AGENT_COLUMN = "dialer_agent"


def export_team_list(store: TeamLeadStore, found: LeadList, target: Path) -> int:
    """Write ``found`` (CSV or XLSX by the extension); how many leads were written."""
    names = store.agent_names(found.list_id)

    def agent(lead: Lead) -> str:
        return names.get(lead.lead_id, "")

    return write_list(found, store.iter_leads(found.list_id), target, ((AGENT_COLUMN, agent),))
