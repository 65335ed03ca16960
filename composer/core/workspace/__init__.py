# SPDX-License-Identifier: GPL-3.0-or-later
"""A team's shared workspace (issue 17): the local store stays the working copy; what the team
shares travels as revisions to and from a PostgreSQL database the organisation runs.

- `revisions`: what a change is (id, parents, author, time, content) and what a set of them
  means (an object's leaves, the version shown, a conflict, its resolution). Pure.
- `sync`: the protocol: push what this copy has that the workspace lacks, pull what it has not
  seen; idempotent at every step, so a disconnect anywhere loses nothing.
- `schema`: the tables of both sides from one description (SQLite for the local copy,
  PostgreSQL for the workspace), and the workspace's roles.
- `local` / `remote`: the two sides (sqlite3; psycopg 3, imported only when a workspace is used).
"""
