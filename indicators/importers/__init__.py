"""File importers: plain functions that read a file into validated rows and load them. No request; runs.py, the
life of an import run, is the one place that hands a run to Celery."""
