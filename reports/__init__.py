"""Printed documents (situation reports) rendered with reportlab from plain core data.

``ending``: the closing and signature a report ends with, kept whole and with the end of the
text before it on its page; one mechanism for every report that ends so.

Imports ``opscenter`` and nothing of ``ui`` or Qt (checked by import-linter).
"""
