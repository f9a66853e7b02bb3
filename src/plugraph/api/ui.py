"""The admin web app (``ui/``, built with Vite into ``ui/dist``), served at ``/ui``.

``/ui`` is public static content: the app signs in with an API token and calls the
API with ``Authorization: Bearer``, so serving its files needs no credentials (the
routes are left out of the OpenAPI document, which lists only the API).

* ``/ui/assets/...``: the hashed build output, cached for a year (immutable); a
  missing asset is a 404, never the HTML page (a browser would try to run it).
* any other path under ``/ui``: the file if it exists, else ``index.html``, so the
  app's own client-side routes (``/ui/plugins/github/GithubRepository``) load.
* not built: 503 with a one-line hint naming the build command.

The directory is ``PLUGRAPH_UI_DIR`` when set; otherwise the UI bundled in the wheel
(``plugraph/_bundled/ui``) or, in a source checkout, the repository's ``ui/dist``.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, PlainTextResponse, RedirectResponse, Response

from plugraph.settings import Settings

PREFIX = "/ui"
INDEX = "index.html"
_PACKAGE_DIR = Path(__file__).resolve().parent.parent
NOT_BUILT = (
    "plugraph: the admin UI is not built; run scripts/lib/build-ui (./scripts/serve does) "
    "or set PLUGRAPH_UI_DIR to a built ui/dist\n"
)
# The app talks only to its own origin and never runs inline or foreign scripts.
# 'unsafe-eval': Ajv compiles each label's JSON Schema (fetched at run time) into a
# validation function with `new Function`, for instant field errors in the forms.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
        "form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"

router = APIRouter(include_in_schema=False)


def default_ui_dir() -> Path:
    bundled = _PACKAGE_DIR / "_bundled" / "ui"
    if bundled.is_dir():
        return bundled
    return _PACKAGE_DIR.parent.parent / "ui" / "dist"


def ui_dir(settings: Settings) -> Path:
    return (settings.ui_dir or default_ui_dir()).resolve()


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.context.settings
    return settings


def _file(path: Path, cache: str) -> FileResponse:
    return FileResponse(path, headers={**SECURITY_HEADERS, "Cache-Control": cache})


def _within(root: Path, relative: str) -> Path | None:
    """``root/relative`` if it is a file inside ``root`` (no traversal, no symlink escape)."""
    if not relative or "\x00" in relative:
        return None
    candidate = (root / relative).resolve()
    if candidate.is_file() and candidate.is_relative_to(root):
        return candidate
    return None


@router.api_route(PREFIX, methods=["GET", "HEAD"])
def ui_root() -> Response:
    return RedirectResponse(f"{PREFIX}/", status_code=308)


@router.api_route(PREFIX + "/{path:path}", methods=["GET", "HEAD"])
def ui_file(path: str, request: Request) -> Response:
    root = ui_dir(_settings(request))
    index = root / INDEX
    if not index.is_file():
        return PlainTextResponse(NOT_BUILT, status_code=503, headers={"Retry-After": "30"})
    found = _within(root, path)
    if found is not None:
        return _file(found, IMMUTABLE if path.startswith("assets/") else REVALIDATE)
    if path.startswith("assets/"):
        return PlainTextResponse(f"no such UI asset: {path}\n", status_code=404)
    return _file(index, REVALIDATE)
