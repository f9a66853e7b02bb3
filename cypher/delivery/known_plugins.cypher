// Which of the given slugs name a plugin the registry knows. params: $slugs
MATCH (p:Plugin)
WHERE p.slug IN $slugs
RETURN p.slug AS slug
