"""Route plans per tenant: targets, aliases, rules and data residency."""
