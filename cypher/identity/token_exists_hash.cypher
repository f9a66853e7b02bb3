// Whether a token with this hash exists. params: $hash
OPTIONAL MATCH (t:ApiToken {hash: $hash})
RETURN t IS NOT NULL AS found
