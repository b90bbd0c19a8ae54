"""Negotiation plans: the model, BATNA, ZOPA, packages, the frontier, bargaining, views."""
