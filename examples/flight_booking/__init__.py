"""Example apps: a flight-booking API that leaks passengers' data, guarded by yinsi."""
