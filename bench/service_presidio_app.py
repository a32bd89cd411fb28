"""Presidio's AnalyzerEngine behind a minimal FastAPI app, for bench/service.py.

Built exactly as bench/speed.py builds it (predefined recognizers, blank spaCy pipeline, a CN
resident-ID recognizer), and served by the same uvicorn settings as `yinsi serve`, so the two
services differ only in the analyzer. `POST /analyze {"text": ...}` returns Presidio's results.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import build_presidio


class AnalyzeBody(BaseModel):
    text: str


def create_app() -> FastAPI:
    engine = build_presidio()
    app = FastAPI(docs_url=None, redoc_url=None)

    @app.post("/analyze")
    async def analyze(body: AnalyzeBody) -> list[dict[str, Any]]:
        # Presidio is synchronous like yinsi; both run in a worker thread off the event loop.
        results = await run_in_threadpool(engine.analyze, text=body.text, language="en")
        return [{"entity_type": r.entity_type, "start": r.start, "end": r.end, "score": r.score}
                for r in results]

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app
