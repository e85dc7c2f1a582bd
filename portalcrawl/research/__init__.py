"""Research on an archive: its site network, exports, the HTML report and Datasette (the queries
themselves are the archive's)."""
