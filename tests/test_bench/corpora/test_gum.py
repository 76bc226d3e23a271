"""GUM's reader on a made-up article in its format: the title, the body rebuilt from the
tokens, and which mentions name (their span: the name)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpora import CORPORA, available, load
from bench.corpora.gum import DIR_ENV

# id form lemma upos xpos feats head deprel deps misc
ARTICLE = """# newdoc id = GUM_news_demo
# newpar
# newpar_block = head (1 s)
# text = Zebra wins in Oslo
1\tZebra\tZebra\tPROPN\tNNP\t_\t2\tnsubj\t_\tEntity=(1-organization-new-s-cf1-1-coref-Zebra_Inc.)
2\twins\twin\tVERB\tVBZ\t_\t0\troot\t_\t_
3\tin\tin\tADP\tIN\t_\t4\tcase\t_\t_
4\tOslo\tOslo\tPROPN\tNNP\t_\t2\tobl\t_\tEntity=(2-place-new-s-cf2-1-coref-Oslo)

# newpar
# newpar_block = p (2 s)
# text = Spokesperson Anna Berg of the United States said it.
1\tSpokesperson\tspokesperson\tNOUN\tNN\t_\t8\tnsubj\t_\tEntity=(3-person-new-s-cf3-3-coref-Anna_Berg_%28spokesperson%29
2\tAnna\tAnna\tPROPN\tNNP\t_\t1\tappos\t_\t_
3\tBerg\tBerg\tPROPN\tNNP\t_\t2\tflat\t_\t_
4\tof\tof\tADP\tIN\t_\t7\tcase\t_\t_
5\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\tEntity=(4-place-new-s-cf4-2,3-coref-United_States
6\tUnited\tUnite\tVERB\tNNP\t_\t7\tcompound\t_\t_
7\tStates\tStates\tPROPN\tNNPS\t_\t1\tnmod\t_\tEntity=4)3)
8\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
9\tit\tit\tPRON\tPRP\t_\t8\tobj\t_\tSpaceAfter=No
10\t.\t.\tPUNCT\t.\t_\t8\tpunct\t_\t_

# text = The President's critics left.
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(5-person-new-s-cf5-1-coref-Anna_Berg_%28spokesperson%29
2-3\tPresident's\t_\t_\t_\t_\t_\t_\t_\t_
2\tPresident\tPresident\tPROPN\tNNP\t_\t4\tnmod:poss\t_\t_
3\t's\t's\tPART\tPOS\t_\t2\tcase\t_\tEntity=5)
4\tcritics\tcritic\tNOUN\tNNS\t_\t5\tnsubj\t_\tEntity=(6-person-new-s-cf6-1-sgl)
5\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_
"""


def test_gum_article_and_its_named_mentions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "gum" / "dep"
    folder.mkdir(parents=True)
    (folder / "GUM_news_demo.conllu").write_text(ARTICLE, encoding="utf-8")
    (folder / "GUM_fiction_other.conllu").write_text(ARTICLE, encoding="utf-8")  # not news
    monkeypatch.setenv(DIR_ENV, str(tmp_path / "gum"))
    [document] = load("gum", "dev") + load("gum", "test")
    assert document.title == "Zebra wins in Oslo"
    assert document.body == (
        "Spokesperson Anna Berg of the United States said it. The President's critics left."
    )
    found = [(s.label, s.field, s.text, s.entity) for s in document.spans]
    assert found == [
        ("ORGANIZATION", "title", "Zebra", "Zebra Inc."),
        ("PLACE", "title", "Oslo", "Oslo"),
        ("PERSON", "body", "Anna Berg", "Anna Berg"),  # a name after its head noun
        ("PLACE", "body", "United States", "United States"),
        ("PERSON", "body", "President", "Anna Berg"),  # "critics" names nobody
    ]
    for span in document.spans:
        assert document.text(span.field)[span.start : span.end] == span.text


def test_gum_is_skipped_without_its_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DIR_ENV, str(tmp_path / "absent"))
    reason = available(CORPORA["gum"])
    assert reason is not None
    assert DIR_ENV in reason
