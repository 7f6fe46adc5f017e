"""Storage: one SQLite file holding a hash-chained ledger and its projections.

Read this first:

* ``connection`` opens the file under one policy (WAL, foreign keys, a busy
  timeout, ``synchronous=FULL``, owner-only permissions) and turns SQLite's
  failures into ``StorageError`` (exit 4).
* ``schema`` holds the numbered migrations; a database written by a newer
  wbpctl is refused, never altered.
* ``ledger`` appends events (``seq, uid, at, actor, lapas, kind, subject,
  payload, batch, prev_hash, hash``) and applies each one to the projection
  tables in the same transaction, with the same ``projections.plan`` and ``run``
  that ``verify`` replays into a scratch database to prove the tables are exactly
  what the ledger says.
* ``queries`` holds every read the services and reports need.

All SQL of wbpctl lives in this package.
"""
