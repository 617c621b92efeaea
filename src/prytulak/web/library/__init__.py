"""The country-report library in the browser: staff search it and add reports to it."""
