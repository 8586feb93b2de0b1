"""Docks, dialogs and map tools: they gather input, start tasks and show results."""
