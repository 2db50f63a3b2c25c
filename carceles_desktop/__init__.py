"""Cárceles Productivas — Gestión de Talleres."""

__version__ = "0.1.0"
