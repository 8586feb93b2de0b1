"""The Sentinel Hub Process dock."""
