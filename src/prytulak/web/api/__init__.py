"""JSON API (django-ninja) for cases and evidence, with an OpenAPI description at /api/docs."""
