"""The numeric engine: the single source of truth for every answer and worked solution."""
