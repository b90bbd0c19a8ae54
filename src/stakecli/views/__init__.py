"""Document contexts: every value a template shows, computed from parsed files."""
