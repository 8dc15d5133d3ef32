"""Some Studio test suite."""
