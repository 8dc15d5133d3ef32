"""Questions answered by the test instead of a person: each one recorded as asked (title,
text, options, default) and answered from ``answers`` in turn; a notice the test does not
expect fails it. The window's and the composer's ``Prompts`` have these methods."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field


@dataclass
class ScriptedPrompts:
    answers: list[int | None] = field(default_factory=list)
    asked: list[tuple[str, str, list[str], int | None]] = field(default_factory=list)

    def choose(
        self,
        title: str,
        text: str,
        options: Sequence[str],
        on_choice: Callable[[int | None], None],
        *,
        default: int | None = 0,
    ) -> None:
        self.asked.append((title, text, list(options), default))
        on_choice(self.answers.pop(0))

    def inform(self, title: str, text: str) -> None:
        raise AssertionError(f"unexpected notice: {text}")

    def questions(self) -> list[tuple[str, list[str]]]:
        """(text, options) of each question asked, in order."""
        return [(text, options) for _title, text, options, _default in self.asked]
