"""Exporters: extraction records and store contents in formats other tools read."""
