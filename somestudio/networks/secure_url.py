"""Tokens travel only over https: plain http is refused for every host but this computer's
own (loopback, where the tests' servers run)."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

import requests


class PlainHttpRefusedError(requests.exceptions.InvalidURL):
    """A request over plain http to another computer: never sent."""


def is_loopback(host: str) -> bool:
    name = host.strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def plain_http_problem(url: str) -> str:
    """Why ``url`` may not be used ("" when it may): http to a host other than loopback."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "http" or is_loopback(parts.hostname or ""):
        return ""
    return (
        f"the address {parts.scheme}://{parts.hostname} is plain http: a sign-in token would "
        "travel unencrypted, so Some Studio talks to it only over https (use https://"
        f"{parts.netloc})"
    )


def refuse_plain_http(url: str) -> None:
    """Raise ``PlainHttpRefusedError`` for plain http to another computer."""
    problem = plain_http_problem(url)
    if problem:
        raise PlainHttpRefusedError(problem)
