"""Hədəf: monitoring and evaluation of national digital-development strategies."""

__version__ = "0.1.0"
