"""The archive as a research instrument: search, copies, the link graph, exports, Datasette, reports."""
