"""The composer: one base text, a variant or thread per account, media, live checks."""
