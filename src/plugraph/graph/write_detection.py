"""Tell read-only Cypher from writes, for ``plugraph cypher`` without ``--write``.

Two layers: a lexical check for write clauses (string literals, comments and
back-quoted names are stripped first, so ``RETURN 'CREATE'`` is a read), and at
run time the statement executes in a transaction that is rolled back if the
server reports it wrote anything.
"""

from __future__ import annotations

import re

_STRIP = re.compile(
    r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|//[^\n]*|/\*.*?\*/""",
    re.DOTALL,
)
_WRITE_CLAUSE = re.compile(
    r"\b(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|FOREACH|LOAD\s+CSV|ALTER|GRANT|DENY|REVOKE"
    r"|RENAME|START|STOP|TERMINATE)\b",
    re.IGNORECASE,
)


def write_clauses(query: str) -> list[str]:
    """The write clauses a query text contains, upper-cased, in order of appearance."""
    code = _STRIP.sub(" ", query)
    return [match.group(1).upper() for match in _WRITE_CLAUSE.finditer(code)]
