"""The core never loads the UI or the NLP stack: each module is imported in a fresh
interpreter, which must end with none of Textual, Rich or spaCy in sys.modules (a command
like `briefing export` must not pay for them, and the core must run without a terminal)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

CORE = ["briefing.model", "briefing.store", "briefing.library", "briefing.anchoring",
        "briefing.ingest", "briefing.export", "briefing.search", "briefing.reading",
        "briefing.opening"]
HEAVY = ("textual", "rich", "spacy")


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_no_ui_or_nlp(module):
    probe = (f"import sys, {module}\n"
             f"print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY)!r})))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, check=True)
    assert result.stdout.split() == [], f"{module} loads {result.stdout.strip()}"
