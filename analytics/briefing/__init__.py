"""The leadership briefing: content from the numbers (``content``), decks (``decks``), and the
command ``python -m analytics.briefing --election ID [--province CODE] --format pptx|pdf --out FILE``."""
