"""App-audit rules, one per module, found automatically by `yinsi.apps.rules.registry.discover()`."""
