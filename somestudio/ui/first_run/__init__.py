"""The first start on an empty data folder: a welcome, and a way to start the demo."""
