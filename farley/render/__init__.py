"""Rendering: domain objects as documents, then as rich, plain, Markdown or JSON."""
