"""Pure domain model: posts, deliveries, channels, counting, time. No I/O, no Qt."""
