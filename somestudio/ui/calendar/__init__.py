"""The calendar: month grid of delivery chips."""
