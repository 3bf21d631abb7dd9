"""vnie: Vietnamese news articles in, structured and validated facts out."""

__version__ = "0.1.0"
