"""X's weighting configuration (twitter-text ``config/v3.json``, Apache-2.0), inlined.

The app ships without the reference folder, so the values live here; a unit test keeps them
equal to the reference file.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class WeightRange:
    start: int
    end: int
    weight: int


@dataclass(frozen=True, slots=True)
class WeightConfig:
    version: int
    max_weighted_tweet_length: int
    scale: int
    default_weight: int
    emoji_parsing_enabled: bool
    transformed_url_length: int
    ranges: tuple[WeightRange, ...]

    def as_json(self) -> dict[str, object]:
        """The same shape as the twitter-text JSON file."""
        return {
            "version": self.version,
            "maxWeightedTweetLength": self.max_weighted_tweet_length,
            "scale": self.scale,
            "defaultWeight": self.default_weight,
            "emojiParsingEnabled": self.emoji_parsing_enabled,
            "transformedURLLength": self.transformed_url_length,
            "ranges": [{"start": r.start, "end": r.end, "weight": r.weight} for r in self.ranges],
        }


V3 = WeightConfig(
    version=3,
    max_weighted_tweet_length=280,
    scale=100,
    default_weight=200,
    emoji_parsing_enabled=True,
    transformed_url_length=23,
    ranges=(
        WeightRange(0, 4351, 100),
        WeightRange(8192, 8205, 100),
        WeightRange(8208, 8223, 100),
        WeightRange(8242, 8247, 100),
    ),
)
