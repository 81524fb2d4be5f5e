"""File importers: plain functions that read a file into validated rows and load them. No Celery, no request."""
