"""The audit trail: one immutable (:AuditEvent) per mutation, in the mutation's transaction."""
