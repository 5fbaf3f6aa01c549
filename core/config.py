"""Configuration: defaults, overridden by ``PELITA_*`` environment variables, then by the
mapping given to :func:`core.app.create_app` (tests)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

ENV_PREFIX = "PELITA_"
#: Feature plugins enabled unless ``PELITA_PLUGINS`` says otherwise (``plugins/``).
DEFAULT_PLUGINS = "export_xlsx,export_pdf,national_layouts"
#: The feature plugin ``PELITA_DEMO=1`` adds.
DEMO_PLUGIN = "demo"
REPO_ROOT = Path(__file__).resolve().parent.parent


def _secret_key(instance_path: Path) -> str:
    """A per-install secret kept in ``instance/secret_key`` (created once, never committed)."""
    path = instance_path / "secret_key"
    if not path.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def _names(value) -> list[str]:
    if isinstance(value, str):
        return [name.strip() for name in value.split(",") if name.strip()]
    return list(value or ())


def _installed_regions() -> str:
    """Every installed region plugin (entry point group ``pelita.regions``): core names none."""
    from core.plugins import available_region_plugins

    return ",".join(sorted(available_region_plugins()))


def load_config(instance_path: Path, overrides: dict | None = None) -> dict:
    """Build the configuration mapping for an app whose instance folder is ``instance_path``."""
    env = {k[len(ENV_PREFIX):]: v for k, v in os.environ.items() if k.startswith(ENV_PREFIX)}
    overrides = dict(overrides or {})
    database_url = overrides.pop("DATABASE_URL", None) or env.get("DATABASE_URL") or (
        f"sqlite:///{instance_path / 'pelita.sqlite3'}"
    )
    regions = _names(overrides.pop("REGIONS", None) or env.get("REGIONS") or _installed_regions())
    features = _names(overrides.pop("PLUGINS", None) if "PLUGINS" in overrides else env.get("PLUGINS", DEFAULT_PLUGINS))
    demo = overrides.pop("DEMO", None)
    demo = (env.get("DEMO", "0") == "1") if demo is None else bool(demo)
    if demo and DEMO_PLUGIN not in features:
        features.append(DEMO_PLUGIN)
    config = {
        "SECRET_KEY": env.get("SECRET_KEY") or overrides.get("SECRET_KEY") or _secret_key(instance_path),
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "PELITA_REGIONS": regions,
        "PELITA_EXTRA_PLUGINS": [],
        "PELITA_PLUGINS": features,
        "PELITA_DEMO": demo,
        "BABEL_DEFAULT_LOCALE": "id",
        "BABEL_TRANSLATION_DIRECTORIES": str(REPO_ROOT / "translations"),
        "LANGUAGES": ("id", "en"),
        "MAX_CONTENT_LENGTH": int(env.get("MAX_UPLOAD_BYTES", 10 * 1024 * 1024)),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": env.get("SECURE_COOKIES", "0") == "1",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REDIS_URL": env.get("REDIS_URL") or None,
        "RATELIMIT_ENABLED": env.get("RATELIMIT", "1") != "0",
        "TRUSTED_PROXIES": int(env.get("TRUSTED_PROXIES", "0") or 0),
        "WTF_CSRF_TIME_LIMIT": None,  # tied to the session, which rotates at login
    }
    config.update(overrides)
    return config
