"""URL extraction and weighted counting by the twitter-text rules X uses."""
