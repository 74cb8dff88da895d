"""The reader's claim tools: Admiralty grading (reliability A-F of the speaker,
credibility 1-6 of the claim, entered separately) and the claims filter.

A mixin of ReaderScreen (reader.py) that uses only its `session` (where the grades and the
filter live), its `view` (the cursor), `_apply` (an edit) and `_refresh_claims`.
"""

from __future__ import annotations

from briefing.grades import CREDIBILITY, RELIABILITY, source_key
from briefing.sanitize import clip_line
from briefing.tui.screens import dialogs


def _deletes(given: str | None) -> str:
    """What the grade prompt says when a grade is given: clearing it deletes it."""
    return f" · empty deletes {given}" if given else ""


class ClaimTools:
    def action_filter_claims(self) -> None:
        def chosen(value: str | None) -> None:
            if value is None:
                return
            self.session.claim_filter = value.strip()
            self._refresh_claims()

        self.app.push_screen(
            dialogs().Prompt(
                "Filter claims: kind, speaker, grade (B2, B, 2) or words; empty shows all",
                self.session.claim_filter,
            ),
            chosen,
        )

    def action_grade(self) -> None:
        session = self.session
        claim = session.claim_at(self.view.cursor_offset)
        if claim is None:
            self.notify("No claim under the cursor to grade.", markup=False)
            return
        key = session.claim_grade_key(claim)
        hint = ", ".join(f"{k} {v}" for k, v in CREDIBILITY.items())

        def credibility(value: str | None) -> None:
            value = None if value is None else value.strip()
            if value and value not in CREDIBILITY:
                self.notify("Credibility is 1-6.", severity="warning", markup=False)
                return
            if value:
                self._set_grade(key, value, claim.speaker)
            elif value == "" and key in session.grades:  # cleared: escape keeps it
                self._apply(session.delete_grade(
                    key, f"credibility {session.grades[key]} of the claim"))
            if claim.speaker:
                ask_reliability(claim.speaker)

        def ask_reliability(speaker: str) -> None:
            skey = source_key(speaker)
            hint_r = ", ".join(f"{k} {v}" for k, v in RELIABILITY.items())

            def reliability(value: str | None) -> None:
                value = None if value is None else value.strip().upper()
                if value and value not in RELIABILITY:
                    self.notify("Reliability is A-F.", severity="warning", markup=False)
                    return
                if value:
                    self._set_grade(skey, value, speaker)
                elif value == "" and skey in session.grades:  # cleared: escape keeps it
                    self._apply(session.delete_grade(
                        skey, f"reliability {session.grades[skey]} of “{clip_line(speaker, 40)}”"))

            given_as = session.renamed_sources.get(skey)
            # An analysis moved it here from another name: said, so it is not taken for
            # a judgement given under this one.
            given = f" (given as “{clip_line(given_as, 40)}”)" if given_as else ""
            self.app.push_screen(
                dialogs().Prompt(
                    f"Source reliability of {clip_line(speaker, 40)}{given} (A-F): {hint_r}"
                    + _deletes(session.grades.get(skey)),
                    session.grades.get(skey, ""),
                ),
                reliability,
            )

        self.app.push_screen(
            dialogs().Prompt(
                f"Information credibility of this claim (1-6): {hint}"
                + _deletes(session.grades.get(key)), session.grades.get(key, "")
            ),
            credibility,
        )

    def _set_grade(self, key: str, value: str, speaker: str | None = None) -> None:
        self._apply(self.session.set_grade(key, value, speaker))
