"""The community inbox: what people did with our posts and our accounts (replies, mentions,
quotes, likes, reposts, follows, comments), collected per account and answered from one place.

``items`` holds what one inbox entry is, ``cursors`` where an account's collection stands,
``reading`` what a network client offers to read it, ``queries`` the list's filters.
"""
