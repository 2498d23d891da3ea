"""Claims: who said, pledged or agreed what (attribution rules, quotes, cues, speakers)."""
