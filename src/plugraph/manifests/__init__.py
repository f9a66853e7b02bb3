"""Plugin manifests: the model, loading from disk, and validation with located errors."""
