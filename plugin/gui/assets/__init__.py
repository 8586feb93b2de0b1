"""The Assets tab of the Search dock."""
