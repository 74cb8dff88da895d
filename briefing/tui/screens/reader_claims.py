"""The reader's claim tools: Admiralty grading (reliability A-F of the speaker,
credibility 1-6 of the claim, entered separately) and the claims filter.

A mixin of ReaderScreen (reader.py).
"""

from __future__ import annotations

from briefing.grades import CREDIBILITY, RELIABILITY, claim_key, source_key
from briefing.model import Claim
from briefing.tui.screens import dialogs


class ClaimTools:
    def _claim_passes(self, claim: dict) -> bool:
        """The claims filter: words that must all match a kind, the speaker, the grade
        ('B2', or 'B' / '2' alone) or the text."""
        if not self.claim_filter:
            return True
        grade = self._grade_label(claim) or ""
        haystack = " ".join([*claim["kinds"], claim.get("speaker") or "", claim["text"]]).lower()
        for word in self.claim_filter.split():
            if word.upper() == grade or (len(word) == 1 and word.upper() in grade):
                continue
            if word.lower() not in haystack:
                return False
        return True

    def action_filter_claims(self) -> None:
        def chosen(value: str | None) -> None:
            if value is None:
                return
            self.claim_filter = value.strip()
            self._refresh_claims()

        self.app.push_screen(
            dialogs().Prompt(
                "Filter claims: kind, speaker, grade (B2, B, 2) or words; empty shows all",
                self.claim_filter,
            ),
            chosen,
        )

    def action_grade(self) -> None:
        claim = self._claim_at(self.view.cursor_offset)
        if claim is None:
            self.notify("No claim under the cursor to grade.", markup=False)
            return
        key = claim_key(self.article_id, Claim.from_dict(claim))
        hint = ", ".join(f"{k} {v}" for k, v in CREDIBILITY.items())

        def credibility(value: str | None) -> None:
            value = (value or "").strip()
            if value and value not in CREDIBILITY:
                self.notify("Credibility is 1-6.", severity="warning", markup=False)
                return
            if value:
                self._set_grade(key, value)
            speaker = claim.get("speaker")
            if speaker:
                ask_reliability(speaker)

        def ask_reliability(speaker: str) -> None:
            skey = source_key(speaker)
            hint_r = ", ".join(f"{k} {v}" for k, v in RELIABILITY.items())

            def reliability(value: str | None) -> None:
                value = (value or "").strip().upper()
                if value and value not in RELIABILITY:
                    self.notify("Reliability is A-F.", severity="warning", markup=False)
                    return
                if value:
                    self._set_grade(skey, value)

            self.app.push_screen(
                dialogs().Prompt(
                    f"Source reliability of {speaker} (A-F): {hint_r}", self.grades.get(skey, "")
                ),
                reliability,
            )

        self.app.push_screen(
            dialogs().Prompt(
                f"Information credibility of this claim (1-6): {hint}", self.grades.get(key, "")
            ),
            credibility,
        )

    def _set_grade(self, key: str, value: str) -> None:
        self.grades[key] = value
        self._refresh_claims()
        self.app.service.submit(lambda s: s.set_value("grades", key, value))
