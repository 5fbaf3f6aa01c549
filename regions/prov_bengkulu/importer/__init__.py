"""The importer of this region: parsers that turn its source documents into specs (core.specs).

Run by ``flask import REGION [DOCUMENT]`` and ``flask seed`` through the region's
``pelita_seed_data`` and ``pelita_org_chart`` hooks; core stores each changed source as a
new version and never destroys what people entered (core.services.importing).
"""
