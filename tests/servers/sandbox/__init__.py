"""The sandbox of make run: its data, assets, accounts, project and the servers that serve them."""
