"""The analyses of the last few pieces of text (``text_pieces``), shared on the GUI thread:
on a key, the highlighter finds the links and tags of the piece the key changed and the
counters count that same piece (as it stands between its separators, the same string in a
long paragraph), so its entities are found once."""

from __future__ import annotations

from somestudio.domain.analysis import TextAnalysis

KEPT = 16  # analyses kept (a key changes one piece, a paste a few)
_recent: dict[str, TextAnalysis] = {}


def analysis_of(text: str) -> TextAnalysis:
    """``text``'s analysis, shared with the other callers on the GUI thread (not for
    workers: the facts are worked out as they are first asked for)."""
    found = _recent.get(text)
    if found is None:
        if len(_recent) >= KEPT:
            _recent.clear()
        found = _recent[text] = TextAnalysis(text)
    return found
