"""One module per benchmark case; each exposes ``run(env, quick) -> list[CaseResult]``."""
