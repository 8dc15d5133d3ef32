"""The Collaborations page, its dialogs, the partner report and the media kit (issue 18)."""
