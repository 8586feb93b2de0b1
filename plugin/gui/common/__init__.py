"""Widgets every dock shares: dock entries, slot guard, messages, draw tool, accounts and
catalogs dialogs.
"""
