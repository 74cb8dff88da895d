"""briefing.opening: the reader's store jobs (open, import a file, a new version of a stored
article) and its check for other sessions' changes, without a screen."""

from __future__ import annotations

from briefing.document import Document
from briefing.opening import FileOpening, NewVersion, Opened, OtherSessionsPoll
from briefing.store import Store

URL = "https://news.example/harbour-strike"
FIRST = Document("Harbour strike ends", "Dockworkers returned on Monday. The union agreed "
                 "to a pay rise of four percent.", {"url": URL, "source": "Example News"})
SECOND = Document("Harbour strike ends", "Dockworkers returned on Monday morning. The union "
                  "agreed to a pay rise of four percent.", {"url": URL, "source": "Example News"})


def _highlight(store: Store, article_id: int, phrase: str) -> int:
    text = store.article(article_id)["text"]
    start = text.index(phrase)
    return store.add_annotation(article_id, start, start + len(phrase))


def test_a_new_file_is_stored_then_opened_and_remembered(db_path):
    remembered = []
    with Store(db_path) as store:
        opened = FileOpening(FIRST, None, lambda: remembered.append(True)).import_and_open(store)
        assert isinstance(opened, Opened)
        assert opened.article.text == FIRST.text and opened.article.id is not None
        assert (opened.highlights, opened.notes, opened.analysis) == ([], [], None)
        assert remembered == [True]
        again = FileOpening(FIRST, None).import_and_open(store)  # the same text: no new article
        assert again.article.id == opened.article.id
        assert len(store.articles()) == 1


def test_a_new_version_of_a_stored_article_is_asked_about_before_storing(db_path):
    remembered = []
    with Store(db_path) as store:
        earlier = FileOpening(FIRST, None).import_and_open(store).article.id
        _highlight(store, earlier, "pay rise")
        opening = FileOpening(SECOND, None, lambda: remembered.append(True))
        offer = opening.import_and_open(store)
        assert offer == NewVersion(earlier, "Harbour strike ends", 1)
        assert "“Harbour strike ends” (article 1, 1 highlight)" in offer.question()
        assert remembered == [] and len(store.articles()) == 1  # nothing stored yet

        replaced = opening.replace_and_open(earlier)(store)
        assert replaced.article.id == earlier and replaced.article.text == SECOND.text
        assert replaced.update is not None and replaced.update.moved == 1
        assert replaced.notices() == [("Article 1 updated to this version: highlights 0 kept "
                                       "in place, 1 moved, 0 orphaned (see Notes)", 8)]
        [moved] = replaced.highlights
        assert SECOND.text[moved.start:moved.end] == "pay rise"
        assert remembered == [True] and len(store.articles()) == 1


def test_keeping_both_versions_stores_the_file_as_an_article_of_its_own(db_path):
    with Store(db_path) as store:
        earlier = FileOpening(FIRST, None).import_and_open(store).article.id
        opened = FileOpening(SECOND, None).keep_both_and_open(store)
        assert opened.article.id != earlier and opened.update is None
        assert len(store.articles()) == 2


def test_the_poll_reports_another_sessions_highlight_once(db_path):
    with Store(db_path) as store:
        article_id = store.add_article(title=FIRST.title, text=FIRST.text)
        poll = OtherSessionsPoll()
        read = poll.read(article_id)(store)
        assert poll.busy
        poll.queued(1)
        assert poll.answered(read, 1) is read and not poll.busy
        assert read.highlights == [] and not read.replaced(store.article(article_id)["hash"])
        assert poll.read(article_id)(store) is None  # nothing changed since
        with Store(db_path) as other:  # a second login writing to the same file
            _highlight(other, article_id, "pay rise")
        read = poll.read(article_id)(store)
        assert [FIRST.text[h.start:h.end] for h in read.highlights] == ["pay rise"]


def test_a_poll_read_followed_by_this_sessions_own_write_is_dropped(db_path):
    with Store(db_path) as store:
        article_id = store.add_article(title=FIRST.title, text=FIRST.text)
        poll = OtherSessionsPoll()
        read = poll.read(article_id)(store)
        poll.queued(5)
        # A write was queued after the read: the read is older than what the screen shows,
        # and the version it saw is not taken, so the next poll reads again.
        assert poll.answered(read, 6) is None and not poll.busy
        assert poll.seen_version is None
        assert poll.read(article_id)(store) is not None


def test_the_poll_tells_a_replaced_text_and_a_deleted_article(db_path):
    with Store(db_path) as store:
        article_id = store.add_article(title=FIRST.title, text=FIRST.text, url=URL)
        shown = store.article(article_id)["hash"]
        with Store(db_path) as other:
            from briefing.library import update_article_text

            update_article_text(other, article_id, SECOND)
        assert OtherSessionsPoll().read(article_id)(store).replaced(shown)
        with Store(db_path) as other:
            other.delete_article(article_id)
        gone = OtherSessionsPoll().read(article_id)(store)
        assert gone.text_hash is None and not gone.replaced(shown)


def test_the_poll_brings_the_grades_only_when_another_session_changed_them(db_path):
    """It runs every two seconds: a change of highlights alone copies no grade."""
    from briefing.grades import set_grade, source_key

    with Store(db_path) as store:
        article_id = store.add_article(title=FIRST.title, text=FIRST.text)
        set_grade(store, source_key("The union"), "E", speaker="The union")
        poll = OtherSessionsPoll()
        read = poll.read(article_id)(store)
        poll.queued(1)
        poll.answered(read, 1)
        assert read.grades == {source_key("The union"): "E"}
        with Store(db_path) as other:
            _highlight(other, article_id, "pay rise")
        read = poll.read(article_id)(store)
        poll.queued(2)
        poll.answered(read, 2)
        assert len(read.highlights) == 1 and read.grades is None
        with Store(db_path) as other:
            set_grade(other, source_key("The union"), "D", speaker="The union")
        read = poll.read(article_id)(store)
        assert read.grades == {source_key("The union"): "D"} and read.renamed_sources == {}
