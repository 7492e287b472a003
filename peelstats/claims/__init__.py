"""Bundled claim files (YAML); see docs/claims.md for the schema."""
