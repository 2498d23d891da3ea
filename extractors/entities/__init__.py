"""Entities within an article and across articles: names, places, roles, cross-article keys."""
