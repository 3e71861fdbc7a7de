"""Printed documents (situation reports) rendered with reportlab from plain core data.

Imports ``opscenter`` and nothing of ``ui`` or Qt (checked by import-linter).
"""
