"""What a network is and can do, as one frozen record per network (see ``catalogue``).

Text and media limits are not copied here: a descriptor names its channel rule
(``domain.channels.RULES``) and media table (``domain.media_limits.MEDIA_LIMITS``), which stay
the one place each limit is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from somestudio.domain.channels import RULES
from somestudio.domain.channels.base import ChannelRule, Limit
from somestudio.domain.media_limits import MEDIA_LIMITS, MediaLimits
from somestudio.domain.networks import Network
from somestudio.domain.networks.connect_form import ConnectForm
from somestudio.domain.networks.feed_style import FeedStyle

# Warn this long before a pinned API version's documented sunset.
SUNSET_WARNING = timedelta(days=60)


class SignInKind(StrEnum):
    """How an account of this network is connected."""

    TOKEN = "token"  # noqa: S105 - a kind of sign-in, not a secret
    APP_PASSWORD = "app_password"  # noqa: S105 - handle + app password, for a session
    OAUTH_BROWSER = "oauth_browser"  # the system browser and a loopback redirect
    FOLDER = "folder"  # the Local archive: a folder, no sign-in
    NONE = "none"  # published by hand: no sign-in


@dataclass(frozen=True, slots=True)
class TokenPolicy:
    """How long a sign-in lasts and who renews it.

    ``lifetime_days``: the documented life of the stored token (None: does not expire).
    ``renews``: the app renews it by itself. ``expiry_matters``: the stored expiry is the
    sign-in's real end (a long-lived token renewed only when used), so it is shown and warned
    about; False where it is a short access token behind a refresh token. Where renewal
    depends on the account (Instagram Login only; Pinterest with its app's secret), the
    network's registry entry decides per account (``networks/registry.renews_for``).
    """

    lifetime_days: float | None = None
    renews: bool = False
    expiry_matters: bool = True
    renewal: str = ""  # how, in a few words, for people reading the code
    # A pasted token whose network does not say when it ends is taken to last this long.
    pasted_lifetime_days: float | None = None


@dataclass(frozen=True, slots=True)
class ApiVersion:
    """The API version the client pins and the date its publisher stops serving it."""

    name: str
    sunset: date | None
    source: str  # the documentation page that gives the date: title and URL

    def warns(self, today: date) -> bool:
        """True from ``SUNSET_WARNING`` before the sunset on (and after it)."""
        return self.sunset is not None and today >= self.sunset - SUNSET_WARNING


@dataclass(frozen=True, slots=True)
class ServerScheduling:
    """The network publishes at a later time by itself: the earliest and latest lead it takes,
    with a margin for the send."""

    earliest: timedelta
    latest: timedelta


@dataclass(frozen=True, slots=True)
class Budget:
    """A network's request limit for reading posts: ``requests`` per ``window`` per account,
    ``batch`` posts per request. ``share`` is the part metrics may spend."""

    requests: int
    window: timedelta
    batch: int
    share: float = 0.5

    @property
    def allowance(self) -> int:
        return max(1, int(self.requests * self.share))


@dataclass(frozen=True, slots=True)
class InboxCapability:
    """What the network's inbox reads: the entry kinds (``domain.inbox.items.InboxKind``
    values) and the documented read limit the inbox rounds keep to (``budget.share`` is the
    inbox's part, beside the metric rounds' own share; ``budget.batch`` entries per page)."""

    kinds: frozenset[str]
    budget: Budget
    endpoint: str  # the documented call, for people reading the code and the Accounts page
    opt_in: bool = False  # read only when the user turns it on (a network that bills reads)
    # What the user can do to an entry there besides answering (``InboxAction`` values:
    # "like", "hide"); each client names the documented call beside its code.
    actions: frozenset[str] = frozenset()
    # Why there is no like or hide where the network has none (English; the Inbox page
    # words it in the user's language, ``ui/inbox/texts.py``); "" for a general sentence.
    no_like: str = ""
    no_hide: str = ""
    hides_top_level_only: bool = False  # a reply to a reply is hidden with its parent only


@dataclass(frozen=True, slots=True)
class PublishPace:
    """How a burst of one account's posts goes out: at most ``parallel`` sends at once, and at
    most ``claimed`` posts taken for sending ahead of their send (claimed but not yet
    recorded). A crash leaves at most ``claimed`` posts to reconcile. Networks keep one send
    at a time per account (their write limits are per account, and a thread's order matters);
    the Local archive writes folders in parallel. A channel that publishes in batches
    (``BatchPublisher``) takes up to ``batch`` posts per send."""

    parallel: int = 1
    claimed: int = 1
    batch: int = 1


@dataclass(frozen=True, slots=True)
class NetworkDescriptor:
    network: Network
    name: str  # as shown (brand names are not translated)
    colour: str  # calendar chips (never the only signal of anything)
    sign_in: tuple[SignInKind, ...]  # the ways to connect, the first the usual one
    channel: str | None = None  # key of its rule in domain.channels.RULES and MEDIA_LIMITS
    name_is_brand: bool = True  # False: a descriptive name the UI translates
    token: TokenPolicy = TokenPolicy()
    threads: bool = False  # a post may be a thread of replies
    first_comment: bool = False  # a comment from the same account right after the post
    server_scheduling: ServerScheduling | None = None
    metrics: frozenset[str] = frozenset()  # PostCounts fields the network reports
    public_metrics: bool = False  # metrics are read without a token
    metrics_budget: Budget | None = None  # the documented read limit metric rounds keep to
    media_from_public_url: bool = False  # the network fetches images from a public address
    api_version: ApiVersion | None = None
    # Its mark: a Simple Icons (CC0) file name in resources/icons/networks/, or None where the
    # set has none (LinkedIn asked Simple Icons to remove theirs), then a monogram is drawn.
    mark: str | None = None
    monogram: str = ""  # one or two letters for the drawn mark; default: the name's first
    connect: ConnectForm = ConnectForm()  # noqa: RUF009 - frozen; what connecting asks for
    inbox: InboxCapability | None = None  # the community inbox reads this network (issue 16)
    inbox_note: str = ""  # why there is no inbox, for the Accounts page (translated in ui)
    publish_pace: PublishPace = PublishPace()
    feed: FeedStyle = FeedStyle()  # noqa: RUF009 - frozen; how its feed draws a post

    @property
    def has_api(self) -> bool:
        """An account can publish through the network's API (not only by hand)."""
        return any(
            kind in self.sign_in
            for kind in (SignInKind.TOKEN, SignInKind.APP_PASSWORD, SignInKind.OAUTH_BROWSER)
        )

    @property
    def by_hand_only(self) -> bool:
        return self.sign_in == (SignInKind.NONE,)

    @property
    def rule(self) -> ChannelRule | None:
        return RULES[self.channel] if self.channel else None

    @property
    def text_limit(self) -> Limit | None:
        rule = self.rule
        return rule.text_limit if rule is not None else None

    @property
    def media(self) -> MediaLimits | None:
        return MEDIA_LIMITS.get(self.channel) if self.channel else None
