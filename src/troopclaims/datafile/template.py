"""The data file `troopclaims init` starts a story with."""

from __future__ import annotations

SCHEMA_FILE = "claims.schema.json"


def new_data_file(story: str) -> str:
    """An empty, valid data file: its version, the schema comment editors read, and its root."""
    return f"""# yaml-language-server: $schema={SCHEMA_FILE}
# troopclaims data file: {story}.
# Add articles with: troopclaims add articles/ --data claims.yaml
# Review candidates with: troopclaims review --data claims.yaml
# Check with: troopclaims check --data claims.yaml
version: 1
root: "."  # source files are confined to this folder
sources: []
claims: []
"""
