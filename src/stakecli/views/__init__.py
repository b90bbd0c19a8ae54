"""Document views: every value a template or a terminal table shows, computed in Python."""
