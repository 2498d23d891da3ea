"""The night report: a short markdown account of what a run brought (for the Prefect artifact)."""

from __future__ import annotations

import duckdb

from warehouse.reports import report_tables, run_counts


def night_report(con: duckdb.DuckDBPyConnection, run_id: str, top: int = 10) -> str:
    """Counts, top entities, claims by speaker and amounts of the articles a run stored."""
    counts = run_counts(con, run_id)
    lines = [
        f"# newsflow run {run_id}",
        "",
        " · ".join(f"**{k}** {v}" for k, v in counts.items()),
        "",
    ]
    for title, names, rows in report_tables(con, run_id, top):
        lines += [f"## {title}", ""]
        if not rows:
            lines += ["(none)", ""]
            continue
        lines += ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
        lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
        lines.append("")
    return "\n".join(lines)


def _cell(value: object) -> str:
    """A markdown table cell."""
    if isinstance(value, float):
        return f"{value:,.0f}"
    return str(value).replace("|", "\\|") if value is not None else ""
