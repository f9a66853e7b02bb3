// Create an org; its _org is its own id, so org-scoped queries find it too.
// params: $props (map: id, slug, name, _org, _created_at, _updated_at)
CREATE (o:Org)
SET o = $props
RETURN properties(o) AS node
