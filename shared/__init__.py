"""Gatehouse's shared library: everything the Cloud Functions have in common."""
