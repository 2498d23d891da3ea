"""The night report: a short markdown account of what a run brought (for the Prefect artifact)."""

from __future__ import annotations

import duckdb

from warehouse.load import OUTCOMES


def night_report(con: duckdb.DuckDBPyConnection, run_id: str, top: int = 10) -> str:
    """Counts, top entities, claims by speaker and amounts of the articles a run stored."""
    counts = con.execute(f"SELECT {', '.join(OUTCOMES)} FROM runs WHERE run_id = ?", [run_id]).fetchone()
    lines = [
        f"# newsflow run {run_id}",
        "",
        " · ".join(f"**{k}** {v}" for k, v in zip(OUTCOMES, counts or (), strict=False)),
        "",
    ]
    sections = {
        "Top entities": (
            "SELECT e.name, e.type, count(*) AS mentions FROM mentions m JOIN entities e USING (entity_id) "
            "JOIN articles a USING (article_id) WHERE a.run_id = ? GROUP BY ALL ORDER BY mentions DESC, "
            "e.name LIMIT ?"
        ),
        "Claims by speaker": (
            "SELECT coalesce(e.name, c.speaker_text, '(no speaker)') AS speaker, count(*) AS claims, "
            "count(*) FILTER (WHERE c.kind = 'commitment') AS commitments FROM claims c "
            "JOIN articles a USING (article_id) LEFT JOIN entities e ON e.entity_id = c.speaker_entity_id "
            "WHERE a.run_id = ? GROUP BY ALL ORDER BY claims DESC, speaker LIMIT ?"
        ),
        "Amounts": (
            "SELECT am.text, am.kind, am.value_usd, left(coalesce(c.content, ''), 80) AS claim "
            "FROM amounts am JOIN articles a USING (article_id) LEFT JOIN claims c USING (claim_id) "
            "WHERE a.run_id = ? AND am.kind = 'money' ORDER BY am.value_usd DESC NULLS LAST LIMIT ?"
        ),
    }
    for title, sql in sections.items():
        cur = con.execute(sql, [run_id, top])
        rows = cur.fetchall()
        lines += [f"## {title}", ""]
        if not rows:
            lines += ["(none)", ""]
            continue
        names = [d[0] for d in cur.description]
        lines += ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
        lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
        lines.append("")
    return "\n".join(lines)


def _cell(value: object) -> str:
    """A markdown table cell."""
    if isinstance(value, float):
        return f"{value:,.0f}"
    return str(value).replace("|", "\\|") if value is not None else ""
