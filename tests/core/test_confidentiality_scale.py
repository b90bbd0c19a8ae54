"""The leak check at scale: the text scan finds what a walk over every word found."""

from hypothesis import given, settings
from hypothesis import strategies as st

from stakecli.core.confidentiality import _WORD, Guard, Secret, _bounded


class WordWalk(Guard):
    """The text scan as first written: every word of the text looked up in turn."""

    def _scan_texts(self, plain, found):
        for match in _WORD.finditer(plain):
            for needle, offset, s in self._first.get(match[0], ()):
                at = match.start() - offset
                if (
                    at >= 0
                    and plain.startswith(needle, at)
                    and _bounded(plain, at, at + len(needle))
                ):
                    found.append((at, s))
        for needle, _, s in self._first.get("", ()):
            at = plain.find(needle)
            while at != -1:
                found.append((at, s))
                at = plain.find(needle, at + 1)


words = st.sampled_from(["budget", "Budget", "cut", "the", "naïve", "ß", "x1", "_", "été", "ss"])
gaps = st.sampled_from([" ", "  ", ", ", "-", "(", ")", "\n", "'", ""])
phrase = st.lists(st.tuples(words, gaps), min_size=1, max_size=5).map(
    lambda parts: "".join(w + g for w, g in parts)
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(phrase, min_size=1, max_size=6, unique=True),
    st.lists(st.one_of(phrase, st.text(max_size=30)), max_size=8),
)
def test_the_scan_finds_what_the_word_walk_found_in_the_same_order(needles, texts):
    secrets = [Secret(n, f"notes[{i}]") for i, n in enumerate(needles) if n.strip()]
    fast, slow = Guard(texts=secrets), WordWalk(texts=secrets)
    assert fast.scan_each(texts) == slow.scan_each(texts)
    joined = " | ".join(texts)
    assert fast.scan(joined) == slow.scan(joined)


def test_a_text_holding_a_nul_does_not_shift_the_fields_after_it():
    secrets = [Secret("budget cut", "notes")]
    texts = ["a\x00b", "fine", "the budget cut", "x"]
    found = Guard(texts=secrets).scan_each(texts)
    assert [bool(hits) for hits in found] == [False, False, True, False]
