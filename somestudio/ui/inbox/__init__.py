"""The Inbox page (issue 16): what people said to and about our accounts, answered here."""
