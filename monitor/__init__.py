"""case-monitor: sourced history and current status of people detained by foreign states."""

__version__ = "0.1.0"
