"""The generic entity API: CRUD, history, paging and bulk writes for every declared label.

(Modules are imported directly; this package imports nothing so that lower layers,
such as the registry's upgrade plan, can use ``entities.storage`` without a cycle.)
"""
