"""Extractors: entities, dates and events from an annotated article."""
