"""Where an account's collection stands, per source, so a restart neither re-reads nor misses.

Two ways networks page (each client says which it uses):

- forward (Mastodon ``min_id``): every page holds the entries right after ``position``;
  the page and the new position are stored together, so a failure after any page loses
  nothing and repeats nothing.
- backward from the newest (Bluesky ``listNotifications``): a walk starts at the newest entry
  and pages back until it reaches ``position``. Only a walk that got there moves
  ``position`` (to the walk's ``top``); a walk cut short (budget, a failed page) keeps its
  place in ``resume`` and ``resume_top`` and goes on from there next round. Entries read
  twice at the edges are harmless: the store keeps one row per network id.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

# In ``resume``, after this mark a reader keeps state of its own that outlives a walk (the
# Facebook posts' and Instagram media's rotation, ``networks.meta.post_rotation``); before it,
# the walk's place.
KEPT = "#"
NOTIFICATIONS = "notifications"  # the one source of Mastodon and Bluesky
REPLIES = "replies"  # Threads: replies under the account's posts


@dataclass(frozen=True, slots=True)
class InboxCursor:
    account_id: int
    source: str = NOTIFICATIONS
    position: str = ""  # the network's mark of the newest entry stored ("" never read)
    resume: str = ""  # the network's page cursor of a walk cut short ("" none)
    resume_top: str = ""  # the mark the cut-short walk started from

    @property
    def walking(self) -> bool:
        return bool(self.resume.partition(KEPT)[0])

    def walk_continues(self, top: str, page_cursor: str) -> InboxCursor:
        """A backward walk read a page and goes on at ``page_cursor`` next time; its top is
        the newest mark seen so far (marks of one source share one format, so they sort)."""
        return replace(self, resume=page_cursor, resume_top=max(self.resume_top, top))

    def walk_done(self, top: str) -> InboxCursor:
        """A backward walk reached the old position: the newest entry it saw is the mark."""
        newest = max(self.resume_top, top) or self.position
        return replace(self, position=max(newest, self.position), resume="", resume_top="")

    def moved_to(self, position: str) -> InboxCursor:
        """A forward page was stored: the next one starts after ``position``."""
        return replace(self, position=position or self.position)
