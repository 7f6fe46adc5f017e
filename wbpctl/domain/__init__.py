"""Pure rules of the programme: no I/O, no imports from the rest of wbpctl.

Every function here takes what it needs (including today's date) as arguments,
so it can be tested without a database or a clock.
"""
