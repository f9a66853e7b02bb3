"""The host's core anchors (Org, Team, User, Project, Environment): bespoke CRUD and seeding."""
