"""Paid collaborations, partner reports and the media kit (issue 18, points 3 and 4)."""
