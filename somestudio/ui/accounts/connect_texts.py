"""The connect forms' texts in the user's language.

The forms are described in English in the networks' descriptors (``domain/networks/<name>.py``,
``connect=ConnectForm(...)``); each text is a literal here so lupdate collects it, in the
dialog's context (a test checks that every descriptor text is here). A text missing here (a
network added without its translations) is shown in English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _table() -> dict[str, str]:
    # fmt: off
    return {
        "Sign in with your handle and an app password (Bluesky: Settings → Privacy and security → App passwords). Some Studio signs in once; the system keyring keeps only the session's renewal token, never the password.": QCoreApplication.translate("ConnectDialog", "Sign in with your handle and an app password (Bluesky: Settings → Privacy and security → App passwords). Some Studio signs in once; the system keyring keeps only the session's renewal token, never the password."),  # noqa: E501
        'Handle': QCoreApplication.translate("ConnectDialog", 'Handle'),
        'e.g. aurinko.bsky.social': QCoreApplication.translate("ConnectDialog", 'e.g. aurinko.bsky.social'),  # noqa: E501
        'Enter the handle and an app password.': QCoreApplication.translate("ConnectDialog", 'Enter the handle and an app password.'),  # noqa: E501
        'App password': QCoreApplication.translate("ConnectDialog", 'App password'),
        'Server (optional)': QCoreApplication.translate("ConnectDialog", 'Server (optional)'),
        'https://bsky.social': QCoreApplication.translate("ConnectDialog", 'https://bsky.social'),
        "Enter your server's address, then sign in with the browser — or paste an access token from your server's Preferences → Development. The server's own character limit is read for the composer.": QCoreApplication.translate("ConnectDialog", "Enter your server's address, then sign in with the browser — or paste an access token from your server's Preferences → Development. The server's own character limit is read for the composer."),  # noqa: E501
        'Server address': QCoreApplication.translate("ConnectDialog", 'Server address'),
        'e.g. mastodon.social': QCoreApplication.translate("ConnectDialog", 'e.g. mastodon.social'),
        "Enter your server's address first.": QCoreApplication.translate("ConnectDialog", "Enter your server's address first."),  # noqa: E501
        'Access token (if not using the browser)': QCoreApplication.translate("ConnectDialog", 'Access token (if not using the browser)'),  # noqa: E501
        'Paste the access token.': QCoreApplication.translate("ConnectDialog", 'Paste the access token.'),  # noqa: E501
        'Let the server publish scheduled posts': QCoreApplication.translate("ConnectDialog", 'Let the server publish scheduled posts'),  # noqa: E501
        "Posts scheduled at least 10 minutes ahead are handed to the server, which publishes them even while this computer is off. Later edits here do not reach the server's copy.": QCoreApplication.translate("ConnectDialog", "Posts scheduled at least 10 minutes ahead are handed to the server, which publishes them even while this computer is off. Later edits here do not reach the server's copy."),  # noqa: E501
        "X needs your own app from the X developer portal (type: native app, a public client). Add the callback address below to the app, enter its client id and sign in with the browser. No client secret is needed or stored.\n\nThe X API is pay-per-use: every post and upload is paid from the credits of your own app, so buy credits in X's Developer Console first, or posts are refused.": QCoreApplication.translate("ConnectDialog", "X needs your own app from the X developer portal (type: native app, a public client). Add the callback address below to the app, enter its client id and sign in with the browser. No client secret is needed or stored.\n\nThe X API is pay-per-use: every post and upload is paid from the credits of your own app, so buy credits in X's Developer Console first, or posts are refused."),  # noqa: E501
        "Your app's client id": QCoreApplication.translate("ConnectDialog", "Your app's client id"),
        'Callback port': QCoreApplication.translate("ConnectDialog", 'Callback port'),
        "Paste an access token made with your LinkedIn app's token generator: scope w_member_social to post as yourself, or w_organization_social to post as a page (and enter its page id).\n\nTo post as yourself, either add the scopes openid and profile to the token, so Some Studio can read your member id, or enter your member id below. LinkedIn tokens last 60 days and cannot be renewed here: the Accounts page counts down and warns a week ahead.": QCoreApplication.translate("ConnectDialog", "Paste an access token made with your LinkedIn app's token generator: scope w_member_social to post as yourself, or w_organization_social to post as a page (and enter its page id).\n\nTo post as yourself, either add the scopes openid and profile to the token, so Some Studio can read your member id, or enter your member id below. LinkedIn tokens last 60 days and cannot be renewed here: the Accounts page counts down and warns a week ahead."),  # noqa: E501
        'Access token': QCoreApplication.translate("ConnectDialog", 'Access token'),
        'Member id (optional)': QCoreApplication.translate("ConnectDialog", 'Member id (optional)'),
        'urn:li:person:… or just the id': QCoreApplication.translate("ConnectDialog", 'urn:li:person:… or just the id'),  # noqa: E501
        'Page id (optional)': QCoreApplication.translate("ConnectDialog", 'Page id (optional)'),
        'Days the token is still valid': QCoreApplication.translate("ConnectDialog", 'Days the token is still valid'),  # noqa: E501
        'Paste a long-lived Page access token made with your Meta app, with the permissions pages_manage_posts and pages_read_engagement, and for the inbox pages_read_user_content (to read comments) and pages_manage_engagement (to answer them as the Page). Optionally let Facebook publish scheduled posts itself, so they go out while this computer is off.': QCoreApplication.translate("ConnectDialog", 'Paste a long-lived Page access token made with your Meta app, with the permissions pages_manage_posts and pages_read_engagement, and for the inbox pages_read_user_content (to read comments) and pages_manage_engagement (to answer them as the Page). Optionally let Facebook publish scheduled posts itself, so they go out while this computer is off.'),  # noqa: E501
        'Your Meta app can sign in to Instagram in one of two ways: choose below the one your app is set up for.\n\n%1': QCoreApplication.translate("ConnectDialog", 'Your Meta app can sign in to Instagram in one of two ways: choose below the one your app is set up for.\n\n%1'),  # noqa: E501
        'Sign-in': QCoreApplication.translate("ConnectDialog", 'Sign-in'),
        'How your app signs in to Instagram': QCoreApplication.translate("ConnectDialog", 'How your app signs in to Instagram'),  # noqa: E501
        'Instagram Login (no Page needed)': QCoreApplication.translate("ConnectDialog", 'Instagram Login (no Page needed)'),  # noqa: E501
        "Instagram Login: your app uses the “Instagram API with Instagram Login”. In the app's dashboard choose Instagram → API setup with Instagram business login → Generate token, with the permissions instagram_business_basic and instagram_business_content_publish, and for the inbox instagram_business_manage_comments. Some Studio renews the token before its 60 days run out.": QCoreApplication.translate("ConnectDialog", "Instagram Login: your app uses the “Instagram API with Instagram Login”. In the app's dashboard choose Instagram → API setup with Instagram business login → Generate token, with the permissions instagram_business_basic and instagram_business_content_publish, and for the inbox instagram_business_manage_comments. Some Studio renews the token before its 60 days run out."),  # noqa: E501
        'Facebook Login (through a Page)': QCoreApplication.translate("ConnectDialog", 'Facebook Login (through a Page)'),  # noqa: E501
        "Facebook Login: your app uses the “Instagram API with Facebook Login”, and your Instagram professional account is connected to a Facebook Page. Paste a long-lived token with the permissions instagram_basic, instagram_content_publish, pages_show_list and pages_read_engagement, and for the inbox instagram_manage_comments, and enter the Page's id: Some Studio finds the Instagram account through the Page.": QCoreApplication.translate("ConnectDialog", "Facebook Login: your app uses the “Instagram API with Facebook Login”, and your Instagram professional account is connected to a Facebook Page. Paste a long-lived token with the permissions instagram_basic, instagram_content_publish, pages_show_list and pages_read_engagement, and for the inbox instagram_manage_comments, and enter the Page's id: Some Studio finds the Instagram account through the Page."),  # noqa: E501
        'Facebook Page id': QCoreApplication.translate("ConnectDialog", 'Facebook Page id'),
        'Enter the id of the Facebook Page.': QCoreApplication.translate("ConnectDialog", 'Enter the id of the Facebook Page.'),  # noqa: E501
        'Public image folder address': QCoreApplication.translate("ConnectDialog", 'Public image folder address'),  # noqa: E501
        'e.g. https://example.com/images/': QCoreApplication.translate("ConnectDialog", 'e.g. https://example.com/images/'),
        'Paste a long-lived Threads access token made with your Meta app, with the permissions threads_basic, threads_content_publish, threads_manage_replies (the later posts of a thread are replies to the first), threads_manage_insights (for the numbers) and threads_read_replies (for the inbox). Some Studio renews the token before its 60 days run out, once it is a day old.\n\n%1': QCoreApplication.translate("ConnectDialog", 'Paste a long-lived Threads access token made with your Meta app, with the permissions threads_basic, threads_content_publish, threads_manage_replies (the later posts of a thread are replies to the first), threads_manage_insights (for the numbers) and threads_read_replies (for the inbox). Some Studio renews the token before its 60 days run out, once it is a day old.\n\n%1'),  # noqa: E501
        "Paste an access token made with your Pinterest app, load your boards and choose the one to pin to. A pin needs an image.\n\nA newly approved Pinterest app has Trial access: Pinterest refuses its pins on the real site and takes them only in its API Sandbox, where only you see them. Until Pinterest grants your app Standard access, tick “Use Pinterest's API Sandbox” and use a sandbox token from your app's page.\n\nTokens expire (usually after 30 days). With your app's id and secret and a refresh token, Some Studio renews the token itself; otherwise the Accounts page warns a week before it lapses.": QCoreApplication.translate("ConnectDialog", "Paste an access token made with your Pinterest app, load your boards and choose the one to pin to. A pin needs an image.\n\nA newly approved Pinterest app has Trial access: Pinterest refuses its pins on the real site and takes them only in its API Sandbox, where only you see them. Until Pinterest grants your app Standard access, tick “Use Pinterest's API Sandbox” and use a sandbox token from your app's page.\n\nTokens expire (usually after 30 days). With your app's id and secret and a refresh token, Some Studio renews the token itself; otherwise the Accounts page warns a week before it lapses."),  # noqa: E501
        "Use Pinterest's API Sandbox (Trial access)": QCoreApplication.translate("ConnectDialog", "Use Pinterest's API Sandbox (Trial access)"),  # noqa: E501
        "Pins go to Pinterest's API Sandbox, where only you see them. Needed while your Pinterest app has Trial access; needs a sandbox token.": QCoreApplication.translate("ConnectDialog", "Pins go to Pinterest's API Sandbox, where only you see them. Needed while your Pinterest app has Trial access; needs a sandbox token."),  # noqa: E501
        'Board': QCoreApplication.translate("ConnectDialog", 'Board'),
        'Load your boards and choose one.': QCoreApplication.translate("ConnectDialog", 'Load your boards and choose one.'),  # noqa: E501
        'Load boards': QCoreApplication.translate("ConnectDialog", 'Load boards'),
        'Loading boards…': QCoreApplication.translate("ConnectDialog", 'Loading boards…'),
        'Choose the board to pin to.': QCoreApplication.translate("ConnectDialog", 'Choose the board to pin to.'),  # noqa: E501
        'No boards found.': QCoreApplication.translate("ConnectDialog", 'No boards found.'),
        'Paste the access token first.': QCoreApplication.translate("ConnectDialog", 'Paste the access token first.'),  # noqa: E501
        'App id (optional, for renewal)': QCoreApplication.translate("ConnectDialog", 'App id (optional, for renewal)'),  # noqa: E501
        'App secret (optional, for renewal)': QCoreApplication.translate("ConnectDialog", 'App secret (optional, for renewal)'),  # noqa: E501
        'Refresh token (optional, for renewal)': QCoreApplication.translate("ConnectDialog", 'Refresh token (optional, for renewal)'),  # noqa: E501
        # The Accounts page: why a network has no inbox (``NetworkDescriptor.inbox_note``).
        "LinkedIn has no inbox here: reading and answering comments through the API needs LinkedIn's Community Management API, a separate product LinkedIn approves for few apps, which your own app rarely has. Read and answer comments on LinkedIn itself.": QCoreApplication.translate("AccountsPage", "LinkedIn has no inbox here: reading and answering comments through the API needs LinkedIn's Community Management API, a separate product LinkedIn approves for few apps, which your own app rarely has. Read and answer comments on LinkedIn itself."),  # noqa: E501
    }
    # fmt: on


def connect_text(text: str) -> str:
    """``text`` (a descriptor's English) as the user reads it."""
    return _table().get(text, text) if text else ""
