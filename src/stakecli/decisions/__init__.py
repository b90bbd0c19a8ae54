"""Decision records: the model, lifecycle rules, the numbered log and views."""
