"""Goals, the timeline's actions and the before/after comparison, over the workspace."""
