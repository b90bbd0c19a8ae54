"""Communication plans and ceremonies: the model, coverage rules and views."""
