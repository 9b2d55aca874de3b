from dashboard.context import Filters
from dashboard.i18n import EN
from dashboard.views import sources


def test_both_held_statements_with_their_speaker_and_original(dataset):
    view = sources.build(dataset, Filters(), EN)
    assert len(view.statements) == 2
    assert [s.url for s in view.statements] == [
        "https://ortcom.kz/en/press-relizy/1642266505",
        "https://ortcom.kz/en/novosti/1643113119",
    ]
    assert "Serik Shalabaev" in view.statements[0].speaker


def test_every_cited_statement_links_every_publication_it_was_read_in(dataset):
    view = sources.build(dataset, Filters(), EN)
    cited = dataset.sources[dataset.sources["kind"] == "cited"]
    assert len(view.cited) == len(cited)
    for line, reports in zip(view.cited, cited.sort_values("published")["reports"], strict=True):
        assert all(f"]({r['url']})" in line for r in reports)


def test_qualifiers_are_listed_from_the_vocabulary(dataset):
    listed = sources.build(dataset, Filters(), EN).qualifiers.splitlines()
    assert len(listed) == len(dataset.vocabularies["qualifiers"])
