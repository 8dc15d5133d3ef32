"""Planning a month: the Plan page (month plan, ideas, campaigns, guidelines, library), the
CSV import preview, the composer's templates and guideline findings, idea drops."""
