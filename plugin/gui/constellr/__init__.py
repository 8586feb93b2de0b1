"""The Constellr dock: areas, new order, orders, deliveries."""
