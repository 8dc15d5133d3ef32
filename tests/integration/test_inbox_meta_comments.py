"""Facebook Page and Instagram comments in the inbox, against a loopback Graph server whose
answers are shaped by Meta's documented examples:

- Facebook, "Page Post Comments" (https://developers.facebook.com/docs/graph-api/reference/
  page-post/comments/): ``GET /{page-post-id}/comments`` answers
  ``{"data": [], "paging": {}, "summary": {}}``, each entry a Comment node ("Comment",
  https://developers.facebook.com/docs/graph-api/reference/comment) with ``id, message,
  from {id, name}, created_time, permalink_url, parent``; ``filter`` is ``stream`` or
  ``toplevel``, ``order`` ``chronological`` or ``reverse_chronological``.
- Instagram, "Comment Moderation" (https://developers.facebook.com/docs/instagram-api/guides/
  comment-moderation): ``GET /17895695668004550/comments`` answers

      {"data": [{"timestamp": "2017-08-31T18:10:30+0000", "text": "I love this!",
                 "id": "17873440459141021"},
                {"timestamp": "2017-08-31T19:16:02+0000", "text": "This is awesome!",
                 "id": "17870913679156914"}, ...]}

  (with ``username``, ``from`` and ``replies`` as further fields, "IG Comment" reference).
  The media are listed by ``GET /{ig-user-id}/media`` ("IG User Media", https://developers.
  facebook.com/docs/graph-api/reference/shadow-ig-user/media/), cursor-paged as every Graph
  edge ("Paginated Results", https://developers.facebook.com/docs/graph-api/results), each with
  the ``comments_count`` asked ("IG Media" reference, https://developers.facebook.com/docs/
  instagram-platform/reference/instagram-media: the count of comments on the media itself;
  counted here with the replies under them).

Hidden comments read back: Facebook's Comment node has ``is_hidden`` ("Comment" reference,
https://developers.facebook.com/docs/graph-api/reference/comment/; typed ``bool`` by the SDK's
``Comment.Field.is_hidden``), the IG Comment ``hidden`` ("Indicates if comment has been hidden",
https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/
ig-comment/; ``IGComment.Field.hidden``, ``bool``); both are JSON booleans in the answers here.

Hiding a comment: Facebook ``POST /{comment-id}`` with ``is_hidden`` (Graph API changelog
v2.2, https://developers.facebook.com/docs/graph-api/changelog/version2.2), Instagram ``POST
/{ig-comment-id}`` with ``hide`` ("IG Comment", Updating, https://developers.facebook.com/
documentation/instagram-platform/instagram-graph-api/reference/ig-comment), both answered
``{"success": true}``; their parameters judged by the SDK's ``Comment.api_update`` and
``IGComment.api_update``. A deleted comment answers Graph's error code 100 ("Handling Errors",
https://developers.facebook.com/docs/graph-api/guides/error-handling).

The GET parameters are judged by Meta's own SDK (``facebook-business``: ``Post.get_comments``,
``Page.get_published_posts``; the answer by ``Comment.create_comment`` and
``IGComment.create_reply``), as tests/networks/test_meta_sdk_params.py does for publishing.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from somestudio.app.inbox.collector import InboxCollector
from somestudio.app.inbox.service import InboxError, InboxService
from somestudio.app.workspace import Workspace
from somestudio.domain.first_comment import CommentState
from somestudio.domain.inbox.actions import InboxAction
from somestudio.domain.inbox.queries import InboxQuery
from somestudio.domain.networks import Network, PublishMethod
from somestudio.networks.http import create_session
from somestudio.networks.meta.page_inbox import FACEBOOK_FIELDS, INSTAGRAM_FIELDS
from somestudio.networks.meta.post_rotation import ACTIVITY, INSTAGRAM
from somestudio.networks.meta.publish import FacebookPublisher, InstagramPublisher
from somestudio.scheduling.publishers import PublisherRegistry
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction
from somestudio.store.inbox import cursors as cursor_rows
from tests.networks.support import MemoryCredentials

sdk = pytest.importorskip("facebook_business")  # a test-only dependency, as for publishing
from facebook_business.adobjects.comment import Comment  # noqa: E402
from facebook_business.adobjects.igcomment import IGComment  # noqa: E402
from facebook_business.adobjects.page import Page  # noqa: E402
from facebook_business.adobjects.post import Post  # noqa: E402

T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
PAGE = "99"
GENERAL = {"fields", "limit", "after"}  # Graph's own, on every edge (not in the SDK's tables)


def _checker(method: Any) -> Any:
    return method(pending=True)._param_checker


def _judge(checker: Any, sent: dict[str, str], endpoint: str) -> None:
    for key, value in sent.items():
        if key in GENERAL:
            continue
        assert checker.is_valid_key(key), f"{endpoint}: the SDK has no parameter {key!r}"
        assert checker.is_type(checker.get_type(key), value), f"{endpoint}: {key}={value!r}"


def fb_comment(
    number: int,
    post: str,
    minute: int,
    *,
    page: bool = False,
    parent: str = "",
    hidden: bool = False,
) -> dict[str, object]:
    """A comment as the Comment node documents it."""
    body: dict[str, object] = {
        "id": f"{post.split('_')[1]}_{number}",
        "message": f"Kommentti {number}",
        "from": {"id": PAGE, "name": "Kahvila"}
        if page
        else {"id": f"u{number}", "name": f"Asiakas {number}"},
        "created_time": f"2026-11-20T10:{minute:02}:00+0000",
        "permalink_url": f"https://www.facebook.com/{post}?comment_id={number}",
        "is_hidden": hidden,
    }
    if parent:
        body["parent"] = {"id": parent}
    return body


def ig_comment(
    number: int,
    minute: int,
    *,
    user: str = "",
    replies: list[dict[str, object]] | None = None,
    hidden: bool = False,
) -> dict[str, object]:
    """A comment as the moderation guide's example shows one (plus username, from, replies)."""
    user = user or f"asiakas{number}"
    body: dict[str, object] = {
        "timestamp": f"2026-11-20T10:{minute:02}:00+0000",
        "text": f"Kommentti {number}",
        "id": f"1787{number:04}",
        "username": user,
        "from": {"id": f"igsid{user}", "username": user},
        "hidden": hidden,
    }
    if replies is not None:
        body["replies"] = {"data": replies}
    return body


@dataclass
class Graph:
    posts: list[str] = field(default_factory=list)  # newest first
    comments: dict[str, list[dict[str, object]]] = field(default_factory=dict)  # newest first
    asked: list[str] = field(default_factory=list)
    answered: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    url: str = ""
    refuse: bool = False  # answer every read as Graph does for a missing permission
    hidden: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # hide requests
    gone: set[str] = field(default_factory=set)  # comment ids deleted on the network


def _posts_page(state: Graph, query: dict[str, str]) -> dict[str, object]:
    """A page of the posts, newest first; asked with the activity field expansion, each with
    its newest comment as the comments edge would answer ``order(reverse_chronological)
    .limit(1)`` (the edge left out where there is no comment, as Graph leaves out an empty
    edge). Cursor paging as for the comments."""
    start, size = int(query.get("after", "0")), int(query.get("limit", "25"))
    rows: list[dict[str, object]] = []
    for post in state.posts[start : start + size]:
        row: dict[str, object] = {"id": post}
        comments = state.comments.get(post, [])
        if "comments_count" in query.get("fields", "").split(","):  # IG Media's field
            replies = [c.get("replies") for c in comments]
            nested = sum(len(r["data"]) for r in replies if isinstance(r, dict))
            row["comments_count"] = len(comments) + nested
        if comments and "comments." in query.get("fields", ""):
            newest = max(comments, key=lambda c: str(c["created_time"]))
            row["comments"] = {"data": [{"created_time": newest["created_time"],
                                         "id": newest["id"]}]}  # fmt: skip
        rows.append(row)
    cursors = {"before": str(start), "after": str(start + size)}
    paging: dict[str, object] = {"cursors": cursors}
    if start + size < len(state.posts):
        paging["next"] = f"{state.url}/next"
    return {"data": rows, "paging": paging}


def _handler(state: Graph, token: str) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def _send(self, body: object) -> None:
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            path = parts.path.removeprefix("/v26.0/")
            state.asked.append(path + ("@" + query["after"] if "after" in query else ""))
            if self.headers.get("Authorization") != f"Bearer {token}":
                state.problems.append(f"no token on {path}")
            if state.refuse:  # Graph's error shape ("Handling Errors", code 10: permission)
                error = {"message": "(#10) Requires pages_read_user_content permission",
                         "type": "OAuthException", "code": 10, "fbtrace_id": "A1"}  # fmt: skip
                data = json.dumps({"error": error}).encode()
                self.send_response(403)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                return
            if path.endswith(("/published_posts", "/media")):
                if path.endswith("/published_posts"):
                    _judge(_checker(Page(PAGE).get_published_posts), query, path)
                    if query.get("fields") != f"id,{ACTIVITY}":
                        state.problems.append(f"asked {query}")
                elif query.get("fields") != f"id,{INSTAGRAM.fields}":
                    state.problems.append(f"asked {query}")
                self._send(_posts_page(state, query))
            elif path.endswith("/comments"):
                post = path.split("/")[-2]
                if "_" in post:  # a Facebook post
                    _judge(_checker(Post(post).get_comments), query, path)
                    if query.get("fields") != FACEBOOK_FIELDS:
                        state.problems.append(f"asked {query}")
                elif query.get("fields") != INSTAGRAM_FIELDS:
                    state.problems.append(f"asked {query}")
                every = state.comments.get(post, [])
                start = int(query.get("after", "0"))
                size = int(query["limit"])
                body: dict[str, object] = {"data": every[start : start + size], "summary": {}}
                cursors = {"before": str(start), "after": str(start + size)}
                body["paging"] = {"cursors": cursors}
                if start + size < len(every):
                    body["paging"] = {"cursors": cursors, "next": f"{state.url}/next"}
                self._send(body)
            else:
                state.problems.append(f"unexpected GET {path}")
                self._send({})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            path = urlsplit(self.path).path.removeprefix("/v26.0/")
            if not path.endswith(("/comments", "/replies")):  # an update of the comment node
                state.hidden.append((path, form))
                if path.rsplit("/", 1)[-1] in state.gone:
                    error = {"message": f"(#100) Object with ID '{path}' does not exist, cannot"
                             " be loaded due to missing permissions, or does not support this"
                             " operation", "type": "GraphMethodException", "code": 100,
                             "error_subcode": 33, "fbtrace_id": "A2"}  # fmt: skip
                    data = json.dumps({"error": error}).encode()
                    self.send_response(400)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    return
                self._send({"success": True})
                return
            state.answered.append((path, form))
            self._send({"id": f"A{len(state.answered)}"})

    return Handler


@dataclass
class Rig:
    graph: Graph
    collector: InboxCollector
    service: InboxService
    account_id: int
    workspace: Workspace
    publishers: PublisherRegistry


def _rig(workspace: Workspace, network: Network, options: dict[str, object]) -> Iterator[Rig]:
    state = Graph()
    token = "page-token" if network is Network.FACEBOOK else "ig-token"
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state, token))
    server.daemon_threads = True
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        conn = workspace.writable_connection()
        with transaction(conn):
            account_id = account_rows.add_account(
                conn, network, "kahvila", publish_method=PublishMethod.API, options=options
            )
        creds = MemoryCredentials({account_id: {"access_token": token, "expires_at": "9999999999"}})
        base = f"{state.url}/v26.0"
        publisher: FacebookPublisher | InstagramPublisher
        if network is Network.FACEBOOK:
            publisher = FacebookPublisher(create_session, creds, base=base, now=lambda: T0)
        else:  # both hosts point at the loopback server, told apart by the path's prefix
            publisher = InstagramPublisher(
                create_session,
                creds,
                base=f"{state.url}/fb/v26.0",
                instagram_base=base,
                clock=T0.timestamp,
            )
        publishers = PublisherRegistry()
        publishers.register(publisher, method=PublishMethod.API, network=network)
        collector = InboxCollector(
            workspace.writable_connection, publishers, now=lambda: T0, pages=3
        )
        service = InboxService(workspace.writable_connection, publishers, collector=collector)
        yield Rig(state, collector, service, account_id, workspace, publishers)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def facebook(workspace: Workspace) -> Iterator[Rig]:
    yield from _rig(workspace, Network.FACEBOOK, {"page_id": PAGE})


@pytest.fixture
def instagram(workspace: Workspace) -> Iterator[Rig]:
    yield from _rig(workspace, Network.INSTAGRAM, {"ig_login": "instagram"})


def _items(rig: Rig) -> dict[str, Any]:
    return {
        i.incoming.network_item_id: i for i in rig.service.items(InboxQuery(done=None, limit=500))
    }


def test_page_comments_are_read_once_the_pages_own_left_out_and_a_cut_walk_goes_on(
    facebook: Rig,
) -> None:
    graph = facebook.graph
    graph.posts = [f"{PAGE}_2", f"{PAGE}_1"]
    graph.comments = {
        f"{PAGE}_1": [fb_comment(2, f"{PAGE}_1", 2, page=True), fb_comment(1, f"{PAGE}_1", 1)],
        f"{PAGE}_2": [fb_comment(3, f"{PAGE}_2", 3, parent="2_9")],
    }
    first = facebook.collector.refresh()
    assert first.errors == [] and first.added == 2
    items = _items(facebook)
    assert sorted(items) == ["1_1", "2_3"]  # the Page's own comment is not an entry
    one = items["1_1"]
    assert (one.author.label, one.text, one.kind.value) == ("Asiakas 1", "Kommentti 1", "comment")
    assert one.incoming.subject is not None and one.incoming.subject.remote_id == f"{PAGE}_1"
    position = cursor_rows.load(facebook.workspace.connection(), facebook.account_id)
    assert position.cursor.position == "2026-11-20T10:03:00Z"

    # 30 new comments under the newest post (two pages) and one under the older: a round of
    # three requests reads the posts and both pages, the next goes on with the older post.
    graph.comments[f"{PAGE}_2"] = [
        fb_comment(100 + n, f"{PAGE}_2", 10 + n) for n in reversed(range(30))
    ] + graph.comments[f"{PAGE}_2"]
    graph.comments[f"{PAGE}_1"].insert(0, fb_comment(200, f"{PAGE}_1", 45))
    graph.asked.clear()
    assert facebook.collector.refresh().added == 30
    state = cursor_rows.load(facebook.workspace.connection(), facebook.account_id)
    assert state.cursor.walking and state.cursor.position == position.cursor.position
    assert facebook.collector.refresh().added == 1
    state = cursor_rows.load(facebook.workspace.connection(), facebook.account_id)
    assert not state.cursor.walking and state.cursor.position == "2026-11-20T10:45:00Z"
    assert graph.asked == [
        f"{PAGE}/published_posts", f"{PAGE}_2/comments", f"{PAGE}_2/comments@25",
        f"{PAGE}/published_posts", f"{PAGE}_1/comments",
    ]  # fmt: skip
    assert facebook.collector.refresh().added == 0
    assert len(_items(facebook)) == 2 + 31
    assert graph.problems == []


def test_an_answer_goes_out_once_as_the_page_under_the_comment(facebook: Rig) -> None:
    graph = facebook.graph
    graph.posts = [f"{PAGE}_1"]
    graph.comments = {
        f"{PAGE}_1": [fb_comment(5, f"{PAGE}_1", 5, parent="1_4"), fb_comment(4, f"{PAGE}_1", 4)]
    }
    facebook.collector.refresh()
    items = _items(facebook)
    assert facebook.service.reply(items["1_4"].id, "Kiitos!").state is CommentState.SENT
    # A reply to a reply goes under its top-level comment (Facebook threads one level).
    assert facebook.service.reply(items["1_5"].id, "Tervetuloa!").state is CommentState.SENT
    assert graph.answered == [
        ("1_4/comments", {"message": "Kiitos!"}),
        ("1_4/comments", {"message": "Tervetuloa!"}),
    ]
    for path, form in graph.answered:
        _judge(_checker(Comment("1_4").create_comment), form, path)
    assert facebook.service.items() == []
    with pytest.raises(Exception, match="already answered"):
        facebook.service.reply(items["1_4"].id, "Kiitos taas!")
    assert len(graph.answered) == 2


def test_instagram_comments_and_their_replies_on_the_instagram_host(instagram: Rig) -> None:
    graph = instagram.graph
    graph.posts = ["17895695668004550"]
    graph.comments = {
        "17895695668004550": [
            ig_comment(1, 1, replies=[ig_comment(2, 2), ig_comment(3, 3, user="kahvila")]),
            ig_comment(4, 4),
        ]
    }
    report = instagram.collector.refresh()
    assert report.errors == [] and report.added == 3
    items = _items(instagram)
    assert sorted(items) == ["17870001", "17870002", "17870004"]  # not our own reply
    reply = items["17870002"]
    assert reply.author.handle == "@asiakas2"
    assert reply.incoming.root is not None and reply.incoming.root.remote_id == "17870001"
    assert graph.asked == ["me/media", "17895695668004550/comments"]  # graph.instagram.com

    assert instagram.service.reply(items["17870004"].id, "Kiitos!").state is CommentState.SENT
    assert instagram.service.reply(reply.id, "Ole hyvä!").state is CommentState.SENT
    assert graph.answered == [
        ("17870004/replies", {"message": "Kiitos!"}),
        ("17870001/replies", {"message": "Ole hyvä!"}),  # under the top-level comment
    ]
    for path, form in graph.answered:
        _judge(_checker(IGComment("1").create_reply), form, path)
    assert instagram.collector.refresh().added == 0
    assert graph.problems == []


def test_instagram_with_facebook_login_reads_on_the_facebook_host(workspace: Workspace) -> None:
    options: dict[str, object] = {"ig_login": "facebook", "page_id": PAGE, "ig_user_id": "17"}
    for rig in _rig(workspace, Network.INSTAGRAM, options):
        rig.graph.posts = ["178"]
        rig.graph.comments = {"178": [ig_comment(1, 1)]}
        assert rig.collector.refresh().added == 1
        assert rig.graph.asked == ["/fb/v26.0/17/media", "/fb/v26.0/178/comments"]
        (item,) = rig.service.items()
        assert rig.service.reply(item.id, "Kiitos!").state is CommentState.SENT
        assert rig.graph.answered == [("/fb/v26.0/17870001/replies", {"message": "Kiitos!"})]


def test_a_page_token_without_the_read_permission_says_which_one_and_keeps_what_was_read(
    facebook: Rig,
) -> None:
    graph = facebook.graph
    graph.posts = [f"{PAGE}_1"]
    graph.comments = {f"{PAGE}_1": [fb_comment(1, f"{PAGE}_1", 1)]}
    assert facebook.collector.refresh().added == 1
    graph.comments = {}
    graph.posts = []
    graph.refuse = True
    (outcome,) = facebook.collector.refresh().outcomes
    assert outcome.problem == "inbox.refused"
    assert "pages_read_user_content" in outcome.error
    assert [i.incoming.network_item_id for i in facebook.service.items()] == ["1_1"]


def test_a_page_comment_is_hidden_once_and_a_deleted_one_says_so(facebook: Rig) -> None:
    graph = facebook.graph
    graph.posts = [f"{PAGE}_1"]
    graph.comments = {f"{PAGE}_1": [fb_comment(2, f"{PAGE}_1", 2), fb_comment(1, f"{PAGE}_1", 1)]}
    facebook.collector.refresh()
    items = _items(facebook)
    assert facebook.service.act(items["1_1"].id, InboxAction.HIDE) is True
    assert facebook.service.act(items["1_1"].id, InboxAction.HIDE) is False  # not asked again
    assert graph.hidden == [("1_1", {"is_hidden": "true"})]
    for path, form in graph.hidden:
        _judge(_checker(Comment(path).api_update), form, path)
    hidden = facebook.service.item(items["1_1"].id)
    assert hidden is not None and hidden.hidden_at is not None
    with pytest.raises(InboxError) as no_like:
        facebook.service.act(items["1_1"].id, InboxAction.LIKE)
    assert no_like.value.code == "action.network"

    graph.gone.add("1_2")
    with pytest.raises(InboxError) as gone:
        facebook.service.act(items["1_2"].id, InboxAction.HIDE)
    assert gone.value.code == "entry.gone"
    kept = facebook.service.item(items["1_2"].id)
    assert kept is not None and kept.problem == "entry.gone" and kept.hidden_at is None
    assert sorted(_items(facebook)) == ["1_1", "1_2"]  # nothing is dropped
    assert graph.answered == [] and graph.problems == []


def test_an_instagram_comment_is_hidden_on_the_account_s_host(instagram: Rig) -> None:
    graph = instagram.graph
    graph.posts = ["17895695668004550"]
    graph.comments = {"17895695668004550": [ig_comment(4, 4)]}
    instagram.collector.refresh()
    (item,) = instagram.service.items()
    assert instagram.service.act(item.id, InboxAction.HIDE) is True
    assert graph.hidden == [("17870004", {"hide": "true"})]  # graph.instagram.com, no /fb
    for path, form in graph.hidden:
        _judge(_checker(IGComment(path).api_update), form, path)
    assert graph.problems == []


def test_a_page_comment_hidden_by_someone_else_says_so_and_follows_the_network(
    facebook: Rig,
) -> None:
    graph = facebook.graph
    post = f"{PAGE}_1"
    graph.posts = [post]
    graph.comments = {
        post: [
            fb_comment(3, post, 3),
            fb_comment(2, post, 2, hidden=True),  # another Page admin hid it on Facebook
            fb_comment(1, post, 1),
        ]
    }
    assert facebook.collector.refresh().added == 3
    items = _items(facebook)
    assert items["1_2"].problem == "entry.hidden_elsewhere" and items["1_2"].hidden_at is None
    assert items["1_1"].problem == "" and items["1_3"].problem == ""
    assert "is_hidden" in FACEBOOK_FIELDS.split(",")

    # We hide 1_3 ourselves: read back as hidden, it is ours, not "someone else's".
    assert facebook.service.act(items["1_3"].id, InboxAction.HIDE) is True
    # Since then: 1_1 was hidden on Facebook, 1_2 shown again; all older than the position.
    graph.comments = {
        post: [
            fb_comment(3, post, 3, hidden=True),
            fb_comment(2, post, 2),
            fb_comment(1, post, 1, hidden=True),
        ]
    }
    assert facebook.collector.refresh().added == 0
    again = _items(facebook)
    assert sorted(again) == ["1_1", "1_2", "1_3"]  # nothing duplicated, nothing dropped
    assert again["1_1"].problem == "entry.hidden_elsewhere"
    assert again["1_2"].problem == ""
    assert again["1_3"].problem == "" and again["1_3"].hidden_at is not None
    assert [i.id for i in again.values()] == [i.id for i in items.values()]
    count = facebook.workspace.connection().execute("SELECT COUNT(*) FROM inbox_items")
    assert count.fetchone()[0] == 3
    assert graph.problems == []


def test_a_deleted_comment_keeps_its_problem_when_read_back_hidden(facebook: Rig) -> None:
    graph = facebook.graph
    post = f"{PAGE}_1"
    graph.posts = [post]
    graph.comments = {post: [fb_comment(1, post, 1)]}
    facebook.collector.refresh()
    (item,) = _items(facebook).values()
    graph.gone.add("1_1")
    with pytest.raises(InboxError):
        facebook.service.act(item.id, InboxAction.HIDE)
    graph.comments = {post: [fb_comment(1, post, 1, hidden=True)]}
    facebook.collector.refresh()
    kept = facebook.service.item(item.id)
    assert kept is not None and kept.problem == "entry.gone"  # another problem is not replaced


def test_an_instagram_comment_or_reply_hidden_elsewhere_says_so_and_is_kept(
    instagram: Rig,
) -> None:
    graph = instagram.graph
    media = "17895695668004550"
    graph.posts = [media]
    graph.comments = {
        media: [ig_comment(1, 1, replies=[ig_comment(2, 2, hidden=True)]), ig_comment(4, 4)]
    }
    assert instagram.collector.refresh().added == 3
    items = _items(instagram)
    assert items["17870002"].problem == "entry.hidden_elsewhere"
    assert items["17870001"].problem == items["17870004"].problem == ""
    assert "hidden" in INSTAGRAM_FIELDS.split("{")[0].split(",")

    assert instagram.service.act(items["17870004"].id, InboxAction.HIDE) is True
    graph.comments = {
        media: [
            ig_comment(1, 1, hidden=True, replies=[ig_comment(2, 2)]),
            ig_comment(4, 4, hidden=True),  # the one we hid
        ]
    }
    assert instagram.collector.refresh().added == 0
    again = _items(instagram)
    assert sorted(again) == ["17870001", "17870002", "17870004"]
    assert again["17870001"].problem == "entry.hidden_elsewhere"
    assert again["17870002"].problem == ""
    assert again["17870004"].problem == "" and again["17870004"].hidden_at is not None
    assert graph.problems == []


@dataclass
class Clock:
    at: datetime

    def now(self) -> datetime:
        return self.at

    def monotonic(self) -> float:
        return 0.0


def _hide_at(rig: Rig, item_id: int, at: datetime) -> None:
    """Hide the entry from Some Studio at ``at`` (the collector reads at ``T0``)."""
    hider = InboxService(rig.workspace.writable_connection, rig.publishers, clock=Clock(at))
    assert hider.act(item_id, InboxAction.HIDE) is True


@pytest.fixture(params=[Network.FACEBOOK, Network.INSTAGRAM], ids=lambda n: n.value)
def meta(workspace: Workspace, request: pytest.FixtureRequest) -> Iterator[Rig]:
    facebook = request.param is Network.FACEBOOK
    options: dict[str, object] = {"page_id": PAGE} if facebook else {"ig_login": "instagram"}
    yield from _rig(workspace, request.param, options)


def test_a_comment_we_hid_and_someone_showed_again_is_no_longer_hidden_here(meta: Rig) -> None:
    rig = meta
    facebook = _network(rig) is Network.FACEBOOK
    post = f"{PAGE}_1" if facebook else "17895695668004550"

    def comments(hidden: bool) -> list[dict[str, object]]:
        if facebook:
            return [fb_comment(2, post, 2, hidden=hidden), fb_comment(1, post, 1, hidden=hidden)]
        return [ig_comment(1, 1, hidden=hidden), ig_comment(2, 2, hidden=hidden)]

    rig.graph.posts = [post]
    rig.graph.comments = {post: comments(False)}
    assert rig.collector.refresh().added == 2
    first, second = sorted(_items(rig))
    items = _items(rig)
    _hide_at(rig, items[first].id, T0 - timedelta(minutes=10))  # before the next read
    _hide_at(rig, items[second].id, T0 + timedelta(seconds=1))  # while it was on its way
    # On the network someone shows both again (another Page admin, the Instagram app).
    rig.graph.comments = {post: comments(False)}
    assert rig.collector.refresh().added == 0
    again = _items(rig)
    shown = again[first]
    assert shown.hidden_at is None and shown.problem == ""  # no longer "hidden by us"
    # The read began before the second was hidden: what it says is older than our hiding.
    assert again[second].hidden_at is not None
    # Hidden on the network again, now by someone else: it says so.
    rig.graph.comments = {post: comments(True)}
    rig.collector.refresh()
    hidden = _items(rig)
    assert hidden[first].problem == "entry.hidden_elsewhere" and hidden[first].hidden_at is None
    assert hidden[second].problem == "" and hidden[second].hidden_at is not None
    assert rig.graph.problems == []


def _network(rig: Rig) -> Network:
    account = account_rows.get_account(rig.workspace.connection(), rig.account_id)
    assert account is not None
    return account.network


@pytest.mark.parametrize(("pages", "rounds"), [(20, 2), (5, 10)])
def test_new_comments_on_older_page_posts_are_found_within_a_rotation(
    facebook: Rig, pages: int, rounds: int
) -> None:
    """120 posts (three listing pages of ``LISTED_POSTS``). Each round lists the newest posts
    with their newest comment, and one older page in rotation; only posts with new comments
    are walked besides the ten newest, so a new comment on any post is read within a cycle
    and no post without one costs a request. With the collector's own budget of five
    requests a round, the walks span rounds and still reach every one."""
    graph = facebook.graph
    graph.posts = [f"{PAGE}_{n}" for n in range(120, 0, -1)]  # newest first

    def post(n: int) -> str:
        return f"{PAGE}_{n}"

    history = fb_comment(1, post(5), 0)
    history["created_time"] = "2026-11-20T09:00:00+0000"  # before Some Studio first read
    graph.comments = {post(120): [fb_comment(1, post(120), 1)], post(5): [history]}
    clock = Clock(T0)
    collector = InboxCollector(
        facebook.workspace.writable_connection, facebook.publishers, now=clock.now, pages=pages
    )

    def round_() -> list[str]:
        """One round (the requests it made)."""
        clock.at += timedelta(hours=1)  # a fresh request budget each round
        graph.asked.clear()
        report = collector.refresh()
        assert report.errors == []
        return list(graph.asked)

    asked = round_()
    assert asked[:2] == [f"{PAGE}/published_posts", f"{PAGE}/published_posts@50"]
    while cursor_rows.load(facebook.workspace.connection(), facebook.account_id).cursor.walking:
        asked += round_()  # the first walk over the ten newest, a few pages a round
    assert list(_items(facebook)) == ["120_1"]  # the old one is history
    assert f"{post(5)}/comments" not in asked

    # New comments: on a post of the first listing page beyond the ten newest, on one in the
    # second and one in the third listing page.
    graph.comments[post(80)] = [fb_comment(2, post(80), 30)]
    graph.comments[post(30)] = [fb_comment(3, post(30), 32)]
    graph.comments[post(5)].insert(0, fb_comment(4, post(5), 31))
    # A newer one on the newest post moves the stored position past those first: they are
    # still new under the posts the rotation chose (its threshold, not the position).
    graph.comments[post(120)].insert(0, fb_comment(5, post(120), 50))
    walked: list[str] = []
    requests: list[int] = []
    for _ in range(rounds):  # a whole rotation: the two older listing pages, one a walk
        asked = round_()
        walked += [a.split("/")[0] for a in asked if a.endswith("/comments")]
        requests.append(len(asked))
        if len(_items(facebook)) == 5:
            break
    assert set(_items(facebook)) == {"120_1", "80_2", "30_3", "5_4", "120_5"}  # each, once
    # Walked: the ten newest every round, and a post beyond them only for its new comment.
    assert {p for p in walked if int(p.split("_")[1]) <= 110} == {post(80), post(30), post(5)}
    assert max(requests) <= min(pages, 2 + 10 + 2)  # two listings, ten newest, the new ones
    assert graph.problems == []


@pytest.mark.parametrize(("pages", "rounds"), [(20, 3), (5, 12)])
def test_new_comments_on_older_instagram_media_are_found_within_a_rotation(
    instagram: Rig, pages: int, rounds: int
) -> None:
    """120 media (three listing pages). Each round lists the newest media with their
    ``comments_count`` and one older page in rotation; besides the ten newest only media
    whose count changed are walked, so a new comment on any media is read within a cycle.
    A newer comment on the newest media moves the stored position past the older ones'
    comments first: they are still new under the media the rotation chose. With the
    collector's own budget of five requests a round the walks span rounds and still reach
    every one."""
    graph = instagram.graph
    graph.posts = [f"m{n}" for n in range(120, 0, -1)]  # newest first
    history = ig_comment(1, 0)
    history["timestamp"] = "2026-11-20T09:00:00+0000"  # before Some Studio first read
    graph.comments = {"m120": [ig_comment(2, 1)], "m5": [history], "m60": [ig_comment(3, 0)]}
    graph.comments["m60"][0]["timestamp"] = "2026-11-20T08:00:00+0000"  # history too
    clock = Clock(T0)
    collector = InboxCollector(
        instagram.workspace.writable_connection, instagram.publishers, now=clock.now, pages=pages
    )

    def round_() -> list[str]:
        clock.at += timedelta(hours=1)  # a fresh request budget each round
        graph.asked.clear()
        report = collector.refresh()
        assert report.errors == []
        return list(graph.asked)

    def walking() -> bool:
        state = cursor_rows.load(instagram.workspace.connection(), instagram.account_id)
        return state.cursor.walking

    asked = round_()
    assert asked[:2] == ["me/media", "me/media@50"]
    while walking():
        asked += round_()
    assert list(_items(instagram)) == ["17870002"]  # the older comments are history
    assert "m60/comments" not in asked  # listed at the first read: its comment is history

    # New comments: on a media of the first listing page beyond the ten newest, on one in the
    # second and one in the third; then a newer one on the newest media.
    graph.comments["m80"] = [ig_comment(10, 30)]
    graph.comments["m30"] = [ig_comment(11, 32, replies=[ig_comment(12, 33)])]
    graph.comments["m5"].append(ig_comment(13, 31))
    graph.comments["m120"].append(ig_comment(14, 50))
    walked: list[str] = []
    requests: list[int] = []
    for _ in range(rounds):
        asked = round_()
        walked += [a.split("/")[0] for a in asked if a.split("@")[0].endswith("/comments")]
        requests.append(len(asked))
        if len(_items(instagram)) == 6 and not walking():
            break
    else:
        pytest.fail(f"not all found in {rounds} rounds: {sorted(_items(instagram))}")
    assert set(_items(instagram)) == {
        "17870002", "17870010", "17870011", "17870012", "17870013", "17870014",
    }  # fmt: skip
    position = cursor_rows.load(instagram.workspace.connection(), instagram.account_id)
    assert position.cursor.position == "2026-11-20T10:50:00Z"
    # Walked: the ten newest every round, beyond them only media whose count changed (and
    # m5 and m60 once each when the rotation first met them: never seen, with comments).
    beyond = {p for p in walked if int(p.removeprefix("m")) <= 110}
    assert {"m80", "m30", "m5"} <= beyond <= {"m80", "m30", "m5", "m60"}
    assert max(requests) <= min(pages, 2 + 10 + 3)

    # Quiet now: a round walks the ten newest and no older media.
    asked = round_()
    while walking():
        asked += round_()
    assert {a.split("/")[0] for a in asked if "/comments" in a} <= {
        f"m{n}" for n in range(111, 121)
    }
    assert len(_items(instagram)) == 6
    assert graph.problems == []
