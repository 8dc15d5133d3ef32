"""Clients of the social networks over ``requests``: publishing and fetching metrics.

Each client gets its ``requests.Session`` and base URL injected, so tests point it at a real
HTTP server on 127.0.0.1. Nothing here touches the database.
"""
