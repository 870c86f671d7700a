"""The classifier: article and configured cases in, dated and attributed developments out.

Pure: no database, no network. `extract.classify` is the entry point.
"""
