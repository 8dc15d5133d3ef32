"""The pages reached from the navigation: Compose, Accounts, Metrics, Settings."""
