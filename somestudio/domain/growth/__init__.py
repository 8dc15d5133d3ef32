"""Growing an audience on purpose: goals with progress and pace, the user's own actions on
the timeline, a before/after comparison around an action, and the month's wins."""
