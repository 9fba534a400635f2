"""Dates for Farley: reading what people type, and formatting for display.

Import the module you need: `farley.dates.format` (standard library only, quick
to load), `farley.dates.parse` and `farley.dates.recur` (which load dateutil).
"""
