"""Pure analyses: model values in, computed values and findings out (no I/O)."""
