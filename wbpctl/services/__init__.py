"""One function per use case: validate with the domain, write events, return data.

The CLI, the CSV import and the demo data all call these same functions, so a
rule holds the same way whichever door a change comes through.
"""
