"""Request bodies checked against a network's published OpenAPI description.

The spec is one resource in a ``referencing`` registry; a request body schema is reached by
a JSON pointer into it, so its ``#/components/...`` references resolve as the spec means.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.conftest import REFERENCE

_URI = "urn:openapi"


def _pointer(*parts: str) -> str:
    return "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


class OpenApi:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        resource = Resource.from_contents(spec, default_specification=DRAFT202012)
        self.registry: Registry[Any] = Registry().with_resource(_URI, resource)

    def request_schema(self, method: str, path: str, content_type: str) -> dict[str, Any]:
        operation = self.spec["paths"][path][method.lower()]
        return operation["requestBody"]["content"][content_type]["schema"]  # type: ignore[no-any-return]

    def errors(
        self, method: str, path: str, body: Any, content_type: str = "application/json"
    ) -> list[str]:
        """Why ``body`` does not fit the spec's request body (empty: it fits)."""
        schema = self.request_schema(method, path, content_type)
        pointer = _pointer(
            "paths", path, method.lower(), "requestBody", "content", content_type, "schema"
        )
        ref: dict[str, Any] = {"$ref": f"{_URI}#/{pointer}"}
        if "oneOf" in schema:
            # Mastodon's statuses body is oneOf text/media/poll whose branches overlap (a
            # status with text and media fits two): the intent is "one of these shapes".
            base = f"{_URI}#/{pointer}/oneOf"
            ref = {"anyOf": [{"$ref": f"{base}/{i}"} for i in range(len(schema["oneOf"]))]}
        validator = Draft202012Validator(ref, registry=self.registry)
        return [
            f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(body)
        ]

    def check(
        self, method: str, path: str, body: Any, content_type: str = "application/json"
    ) -> None:
        problems = self.errors(method, path, body, content_type)
        assert not problems, f"{method} {path} body does not fit the spec: {problems}"

    def response_errors(self, method: str, path: str, body: Any, status: str = "200") -> list[str]:
        """Why ``body`` does not fit the spec's ``status`` answer (empty: it fits), so a
        loopback server cannot answer what the real one never would."""
        pointer = _pointer(
            "paths", path, method.lower(), "responses", status, "content", "application/json",
            "schema",
        )  # fmt: skip
        validator = Draft202012Validator({"$ref": f"{_URI}#/{pointer}"}, registry=self.registry)
        return [
            f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(body)
        ]

    def _resolved(self, node: dict[str, Any]) -> dict[str, Any]:
        """A parameter given as ``{"$ref": "#/components/parameters/..."}`` looked up."""
        ref = node.get("$ref")
        if not isinstance(ref, str) or not ref.startswith("#/"):
            return node
        found: Any = self.spec
        for part in ref[2:].split("/"):
            found = found[part.replace("~1", "/").replace("~0", "~")]
        return dict(found)

    def query_errors(self, method: str, path: str, names: Any) -> list[str]:
        """Query parameters the operation does not document (``types[]`` is ``types``)."""
        operation = self.spec["paths"][path][method.lower()]
        parameters = [self._resolved(p) for p in operation.get("parameters", [])]
        known = {p["name"] for p in parameters if p.get("in") == "query"}
        return [
            f"unknown query parameter {n!r}" for n in names if n.removesuffix("[]") not in known
        ]


@cache
def spec(name: str) -> OpenApi:
    path = Path(REFERENCE) / "openapi" / name
    text = path.read_text(encoding="utf-8")
    data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    return OpenApi(data)
