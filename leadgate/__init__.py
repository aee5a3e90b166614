"""leadgate: a lead-intake and contact-centre API server that speaks VICIdial's HTTP APIs."""

__version__ = "0.1.0"
