"""The community inbox's use cases: collecting (``collector``), answering (``replies``) and
what the Inbox page and the CLI ask (``service.InboxService``)."""
