"""HTTP API over yinsi (FastAPI; `pip install yinsi[service]`), with the JSON result schema's shapes.

Imported only by `yinsi serve` and by users who embed the app, so `import yinsi` stays free of web
frameworks. `create_app(settings)` builds the app; `load_settings(ServiceOptions(...))` the settings.
"""

from __future__ import annotations

from yinsi.service.app import app_from_environment, create_app
from yinsi.service.settings import Limits, ServiceOptions, ServiceSettings, load_settings

__all__ = [
    "Limits", "ServiceOptions", "ServiceSettings", "app_from_environment", "create_app", "load_settings",
]
