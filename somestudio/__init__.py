"""Some Studio: draft, schedule, publish and measure social media posts."""

__version__ = "0.1.0"
APP_NAME = "Some Studio"
APP_ID = "somestudio"
