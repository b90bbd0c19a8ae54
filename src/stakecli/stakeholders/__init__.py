"""Stakeholder registers: the model, salience, the grid, attention, rules and views."""
