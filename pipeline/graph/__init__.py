"""The knowledge graph: build (record -> rows), store (SQLite), ingest, queries, network, export, commands."""
