"""Project charters and scorecards: models, completeness and gate rules, views."""
