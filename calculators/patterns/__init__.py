"""Reference implementations of the patterns the handbook teaches; each is tested and included into its page."""
