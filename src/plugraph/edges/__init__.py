"""Plugin edges: relationships declared by manifests, checked and written in one transaction."""
