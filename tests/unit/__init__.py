"""Tests: see DESIGN.md, "Tests"."""
