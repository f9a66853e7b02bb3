"""plugraph's benchmark suite.

Every figure is a ratio against a baseline measured in the same run.
"""
