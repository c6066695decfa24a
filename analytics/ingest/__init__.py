"""Importing an organisation's own data: read, map, validate, and commit as a new version.

``python -m analytics.ingest TABLE FILE [--mode append|replace] [--sheet NAME]``; see
``pipeline`` for the steps and ``store`` for the versions under ``PANTAU_DATA_DIR/imports``.
"""
