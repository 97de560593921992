"""Development-only demo data: the texts in demo/data/*.toml and the loaders that `manage.py seed_demo` runs.

Production code imports nothing from here; the app has no models.
"""
