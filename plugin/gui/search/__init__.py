"""The Search dock: form, results table, details and thumbnails."""
