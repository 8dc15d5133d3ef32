"""Paid collaborations (issue 18): money, states, the disclosure rule, reminders, income."""
