"""Pure analysis: models in, values and findings out."""
