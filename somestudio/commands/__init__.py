"""Subcommands of the somestudio CLI; each module defines NAME, HELP, configure(), run()."""
