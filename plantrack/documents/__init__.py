"""Documents a leader can be handed: the Excel ledger (台账), an HTML dashboard, a Word report.

Each is a rendering of `documents.data.ReportData`, which is gathered from the
views; nothing here derives a state. openpyxl, jinja2 and python-docx are
imported only by the module that writes their format.
"""
