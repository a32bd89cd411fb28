"""Response guard: stop personal information leaving a web application by mistake.

Wrap an ASGI app in `ResponseGuard` or a WSGI app in `WsgiResponseGuard`; JSON and text responses are
inspected and, per `GuardPolicy.action`, reported (masked log line + `X-Yinsi-Guard` header), masked
(values rewritten with an anonymise policy) or blocked (HTTP 451). The failure this catches is real:
an airline app's API returned other passengers' ID numbers to any logged-in user (OWASP API Security
Top 10 2023, API3: broken object property level authorization; PIPL art. 51 security measures).
"""

from __future__ import annotations

from yinsi.guard.asgi import ResponseGuard
from yinsi.guard.inspect import GuardFinding, Inspection, Inspector
from yinsi.guard.policy import GuardAction, GuardPolicy
from yinsi.guard.wsgi import WsgiResponseGuard

__all__ = ["GuardAction", "GuardFinding", "GuardPolicy", "Inspection", "Inspector", "ResponseGuard",
           "WsgiResponseGuard"]
