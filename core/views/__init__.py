"""Server-rendered pages, one blueprint per concern. Every view is guarded (see core.security)."""
