"""How a sign-in's health reads the descriptors' token policy, per account where renewal
depends on the account (networks/registry.renews_for): an Instagram token is renewed only with
Instagram Login, so with Facebook Login its last week is warned about; Threads always renews
but still shows the days left; X's short access token is never counted down."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from somestudio.app.accounts import health_of, renews_itself
from somestudio.domain.networks import Network
from somestudio.domain.posts import Account
from somestudio.secrets import KeyringStatus

NOW = datetime(2027, 3, 28, 0, 59, tzinfo=UTC)
SECURE = KeyringStatus(secure=True, backend="test", reason="")


def _lapsing(days: float) -> dict[str, str]:
    return {"access_token": "t", "expires_at": str(int((NOW + timedelta(days=days)).timestamp()))}


def _account(network: Network, **options: object) -> Account:
    return Account(id=1, network=network, handle="kahvila", options=dict(options))


def test_instagram_login_renews_and_facebook_login_warns() -> None:
    by_instagram = _account(Network.INSTAGRAM, ig_login="instagram", ig_user_id="17")
    by_facebook = _account(Network.INSTAGRAM, ig_login="facebook", page_id="99")
    assert renews_itself(by_instagram) and not renews_itself(by_facebook)
    renewed = health_of(by_instagram, SECURE, _lapsing(5), NOW)
    assert renewed.state == "ok" and "5 more days" in renewed.message
    warned = health_of(by_facebook, SECURE, _lapsing(5), NOW)
    assert warned.state == "expiring" and "5 days" in warned.message


def test_threads_counts_down_without_warning_and_x_is_never_counted() -> None:
    threads = health_of(_account(Network.THREADS), SECURE, _lapsing(3), NOW)
    assert threads.state == "ok" and "3 more days" in threads.message
    x = health_of(_account(Network.X), SECURE, _lapsing(0.05), NOW)
    assert x.message == "Connected (renewed automatically)."


def test_a_linkedin_token_is_never_renewed_here() -> None:
    linkedin = _account(Network.LINKEDIN, person_id="abc")
    assert not renews_itself(linkedin)
    assert health_of(linkedin, SECURE, _lapsing(2), NOW).state == "expiring"
