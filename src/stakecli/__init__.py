"""stakecli: stakeholder maps, negotiation plans and agreements as code."""

__version__ = "0.1.0"
