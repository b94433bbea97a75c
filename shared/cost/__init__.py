"""Cost accounting: a versioned price table and cost computed from `usageMetadata`."""
