"""First-party feature plugins, built on the same hooks as everyone's (as Datasette builds
its core features as default plugins).

Each package declares no ``REGION_CODE`` and implements feature hooks only
(:mod:`core.hookspecs`, scope "feature"). They are installed under the entry point group
``pelita.plugins`` and enabled by ``PELITA_PLUGINS`` (default
``export_xlsx,export_pdf,national_layouts``); ``PELITA_DEMO=1`` adds ``demo``.

* :mod:`plugins.export_xlsx`: reports as XLSX downloads.
* :mod:`plugins.export_pdf`: reports as PDF downloads.
* :mod:`plugins.national_layouts`: the layouts every region has (Permendagri 86/2017
  evaluation, Perjanjian Kinerja).
* :mod:`plugins.demo`: the demo accounts and assignments and ``flask demo-users``.
"""
