"""Runs the web app with uvicorn on one address (127.0.0.1 unless told otherwise)."""
from __future__ import annotations

from pathlib import Path


def serve(store: str | Path, host: str = "127.0.0.1", port: int = 8765, log: bool = True) -> None:
    """Serves the app on `store` until interrupted. The store is opened once for writing first, so a store
    written by an older policykg is upgraded; the app itself only ever reads it."""
    import uvicorn

    from ..graph.backend import shown
    from ..graph.store import open_store
    from .app import create_app

    open_store(store).close()
    app = create_app(store)
    print(f"policykg: serving {shown(store)} at http://{host}:{port}/ (Ctrl-C stops)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="info" if log else "warning", access_log=log,
                server_header=False)
