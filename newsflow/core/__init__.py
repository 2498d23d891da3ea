"""The base of newsflow: records, errors, settings and ids. Imports nothing else of the repository."""
