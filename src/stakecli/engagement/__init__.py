"""Engagement over time: interaction logs, customer interviews and journey maps."""
