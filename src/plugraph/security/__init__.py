"""Identity: who is calling (principals, API tokens, plugin keys)."""
