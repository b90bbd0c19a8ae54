"""Responsibility matrices: RACI and its variants, their rules and views."""
