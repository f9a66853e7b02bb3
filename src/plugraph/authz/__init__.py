"""Authorization: permissions derived from manifests, enforced with Casbin."""
