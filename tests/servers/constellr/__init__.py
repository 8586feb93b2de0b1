"""A local Constellr API (seed 003): areas, orders, deliveries and its STAC API."""
