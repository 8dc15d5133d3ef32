"""Find and operate controls of a running program the way a screen reader does: AT-SPI.

Run by the SYSTEM Python (/usr/bin/python3 with Debian's python3-pyatspi), never imported by
the test process (the virtualenv cannot import pyatspi). It reads one JSON request a line on
stdin and answers one JSON line on stdout:

    {"id": 1, "cmd": "wait", "role": "push button", "name": "Schedule…", "timeout": 20}
    → {"id": 1, "ok": true, "result": {"ref": 7, "role": "push button", "name": …}}

Controls are found by role and accessible name inside the application whose process id was
given on the command line (dialogs, the Qt file dialog and menus belong to it too). Found
objects get a number (``ref``) for later requests. Errors come back as ``ok: false`` with a
message; the driver itself never exits on a bad request.

Commands (all take an optional ``within`` ref to search below):
  find      role?, name?, match (exact|contains|startswith|regex), showing (default true),
            all (default false) → info | [info] | null
  wait      as find plus timeout (s); ``gone: true`` waits until nothing matches
  info      ref → role, name, description, states, extents, text, actions, child count
  children  ref → [info]
  action    ref, action (name, case-insensitive, e.g. Press, Toggle, SetFocus)
  focus     ref → grab keyboard focus
  set_text  ref, text → replace an editable text's content
  select    ref, index → select the index-th child of a list/table/combo box
  tree      ref?, depth? → an indented dump of the tree (for failure messages)
"""

from __future__ import annotations

import json
import re
import sys
import time
import traceback
import warnings
from typing import Any

import gi

# PyGObject marks some Atspi calls deprecated with no replacement reachable from Python
# (Atspi.Action.get_name is shadowed by Accessible.get_name); the warnings would only be noise.
warnings.filterwarnings("ignore", category=DeprecationWarning)

gi.require_version("Atspi", "2.0")
import pyatspi  # noqa: E402
from gi.repository import Atspi  # noqa: E402

POLL = 0.1
MAX_CHILDREN = 400  # a month grid has ~60 cells; the zone list ~600 and is never searched


class DriverError(Exception):
    pass


def action_names(acc: Atspi.Accessible) -> list[str]:
    return [Atspi.Action.get_action_name(acc, i) for i in range(Atspi.Action.get_n_actions(acc))]


def labelled_by(acc: Atspi.Accessible) -> list[str]:
    """The names of the labels a control is labelled by (a QLabel whose buddy it is): what a
    screen reader says a combo box is for, Qt naming one by its value on Linux."""
    names = []
    for relation in acc.get_relation_set() or []:
        if relation.get_relation_type() == Atspi.RelationType.LABELLED_BY:
            for i in range(relation.get_n_targets()):
                names.append(relation.get_target(i).get_name() or "")
    return names


def need(acc: Atspi.Accessible, interface: str) -> None:
    if interface not in acc.get_interfaces():
        raise DriverError(f"{acc.get_role_name()} {acc.get_name()!r} has no {interface}")


class Driver:
    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.refs: dict[int, Atspi.Accessible] = {}
        self.next_ref = 1
        desktop = pyatspi.Registry.getDesktop(0)
        # No client-side caching: names, states and children change under our feet.
        desktop.set_cache_mask(Atspi.Cache.NONE)
        self.desktop = desktop

    # -- objects
    def remember(self, acc: Atspi.Accessible) -> int:
        for ref, known in self.refs.items():
            if known == acc:
                return ref
        ref = self.next_ref
        self.next_ref += 1
        self.refs[ref] = acc
        return ref

    def obj(self, ref: int) -> Atspi.Accessible:
        try:
            return self.refs[int(ref)]
        except (KeyError, TypeError, ValueError):
            raise DriverError(f"unknown ref {ref!r}") from None

    def app(self) -> Atspi.Accessible:
        for i in range(self.desktop.get_child_count()):
            app = self.desktop.get_child_at_index(i)
            if app is None:
                continue
            try:
                if app.get_process_id() == self.pid:
                    app.set_cache_mask(Atspi.Cache.NONE)
                    return app
            except Exception:  # an application that went away while we looked
                continue
        raise DriverError(f"no accessible application with pid {self.pid} (yet)")

    @staticmethod
    def states(acc: Atspi.Accessible) -> list[str]:
        state_set = acc.get_state_set()
        return sorted(pyatspi.stateToString(s) for s in state_set.get_states())

    def info(self, acc: Atspi.Accessible, *, ref: int | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "ref": ref if ref is not None else self.remember(acc),
            "role": acc.get_role_name(),
            "name": acc.get_name() or "",
            "description": acc.get_description() or "",
            "states": self.states(acc),
            "children": acc.get_child_count(),
        }
        interfaces = set(acc.get_interfaces())
        if "Component" in interfaces:
            box = Atspi.Component.get_extents(acc, Atspi.CoordType.SCREEN)
            data["extents"] = [box.x, box.y, box.width, box.height]
        if "Text" in interfaces:
            data["text"] = Atspi.Text.get_text(acc, 0, Atspi.Text.get_character_count(acc))
        # Never the Value interface: Qt answers it for date and time editors with a warning
        # ("Could not convert to double") on the program's stderr. Their Text says it all.
        if "Action" in interfaces:
            data["actions"] = action_names(acc)
        if data["role"] == "combo box":  # its name is its value: what it is for is its label
            data["labelled_by"] = labelled_by(acc)
        return data

    # -- searching
    @staticmethod
    def _name_matches(name: str, wanted: Any, how: str) -> bool:
        if wanted is None:
            return True
        want = str(wanted)
        if how == "exact":
            return name == want
        if how == "contains":
            return want in name
        if how == "startswith":
            return name.startswith(want)
        if how == "regex":
            return re.search(want, name) is not None
        raise DriverError(f"unknown match {how!r}")

    def search(self, req: dict[str, Any]) -> list[Atspi.Accessible]:
        role = req.get("role")
        name = req.get("name")
        how = str(req.get("match", "exact"))
        showing = bool(req.get("showing", True))
        want_all = bool(req.get("all", False))
        root = self.obj(req["within"]) if req.get("within") is not None else self.app()
        found: list[Atspi.Accessible] = []
        stack = [root]
        while stack:
            acc = stack.pop()
            try:
                state_set = acc.get_state_set()
                if showing and acc is not root and not state_set.contains(Atspi.StateType.SHOWING):
                    continue
                if (
                    acc is not root
                    and (role is None or acc.get_role_name() == role)
                    and self._name_matches(acc.get_name() or "", name, how)
                ):
                    found.append(acc)
                    if not want_all:
                        return found
                count = min(acc.get_child_count(), MAX_CHILDREN)
                children = [acc.get_child_at_index(i) for i in range(count)]
            except Exception:  # a control that disappeared while we walked
                continue
            # Depth first, in on-screen order.
            stack.extend(child for child in reversed(children) if child is not None)
        return found

    def find(self, req: dict[str, Any]) -> object:
        found = self.search(req)
        infos = []
        for acc in found:
            try:
                infos.append(self.info(acc))
            except Exception:  # gone between being found and being read: not there now
                continue
        if req.get("all"):
            return infos
        return infos[0] if infos else None

    def wait(self, req: dict[str, Any]) -> object:
        timeout = float(req.get("timeout", 20))
        gone = bool(req.get("gone", False))
        deadline = time.monotonic() + timeout
        last_error = ""
        while True:
            try:
                result = self.find(req)
                if gone and not result:
                    return None
                if not gone and result:
                    return result
            except Exception as exc:  # the tree changed under us (an object went away): look again
                last_error = f"({type(exc).__name__}: {exc})"
            if time.monotonic() > deadline:
                what = f"role={req.get('role')!r} name={req.get('name')!r}"
                state = "still there" if gone else "not found"
                raise DriverError(f"{what} {state} after {timeout} s {last_error}".strip())
            time.sleep(POLL)

    # -- acting
    def action(self, req: dict[str, Any]) -> object:
        acc = self.obj(req["ref"])
        need(acc, "Action")
        want = str(req["action"]).lower()
        names = action_names(acc)
        for index, name in enumerate(names):
            if name.lower() == want:
                return Atspi.Action.do_action(acc, index)
        raise DriverError(f"no action {req['action']!r} on {acc.get_name()!r}; has {names}")

    def focus(self, req: dict[str, Any]) -> object:
        acc = self.obj(req["ref"])
        need(acc, "Component")
        return Atspi.Component.grab_focus(acc)

    def set_text(self, req: dict[str, Any]) -> object:
        acc = self.obj(req["ref"])
        need(acc, "EditableText")
        return Atspi.EditableText.set_text_contents(acc, str(req["text"]))

    def select(self, req: dict[str, Any]) -> object:
        acc = self.obj(req["ref"])
        need(acc, "Selection")
        return Atspi.Selection.select_child(acc, int(req["index"]))

    def children(self, req: dict[str, Any]) -> object:
        acc = self.obj(req["ref"])
        count = min(acc.get_child_count(), MAX_CHILDREN)
        return [self.info(acc.get_child_at_index(i)) for i in range(count)]

    def tree(self, req: dict[str, Any]) -> object:
        root = self.obj(req["ref"]) if req.get("ref") is not None else self.app()
        max_depth = int(req.get("depth", 40))
        lines: list[str] = []

        def walk(acc: Atspi.Accessible, depth: int) -> None:
            try:
                if depth and not acc.get_state_set().contains(Atspi.StateType.SHOWING):
                    return
                lines.append(f"{'  ' * depth}[{acc.get_role_name()}] {acc.get_name()!r}")
                if depth < max_depth:
                    for i in range(min(acc.get_child_count(), 80)):
                        child = acc.get_child_at_index(i)
                        if child is not None:
                            walk(child, depth + 1)
            except Exception as exc:
                lines.append(f"{'  ' * depth}(gone: {exc})")

        walk(root, 0)
        return "\n".join(lines)

    def handle(self, req: dict[str, Any]) -> object:
        cmd = req.get("cmd")
        if cmd == "info":
            return self.info(self.obj(req["ref"]), ref=int(req["ref"]))
        handler = {
            "find": self.find,
            "wait": self.wait,
            "action": self.action,
            "focus": self.focus,
            "set_text": self.set_text,
            "select": self.select,
            "children": self.children,
            "tree": self.tree,
        }.get(str(cmd))
        if handler is None:
            raise DriverError(f"unknown command {cmd!r}")
        return handler(req)


def main() -> int:
    driver = Driver(int(sys.argv[1]))
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        req: dict[str, Any] = {}
        try:
            req = json.loads(line)
            reply = {"id": req.get("id"), "ok": True, "result": driver.handle(req)}
        except DriverError as exc:
            reply = {"id": req.get("id"), "ok": False, "error": str(exc)}
        except Exception as exc:
            reply = {
                "id": req.get("id"),
                "ok": False,
                "error": f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}",
            }
        print(json.dumps(reply, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
