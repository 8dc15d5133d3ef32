"""Connecting accounts: one dialog per kind of sign-in, health and reconnect."""
