"""Ceremonies that carry data: QBRs, quarterly initiative reviews, release reviews."""
