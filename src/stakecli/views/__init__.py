"""Context builders: turn parsed files into the values a document template shows."""
