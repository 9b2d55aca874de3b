from dashboard.context import Filters
from dashboard.i18n import EN, Translator, localise
from dashboard.views import overview


def test_cards_show_each_headline_figure_as_stated(dataset):
    cards = overview.build(dataset, Filters(), EN).cards
    values = {c.title: c.value for c in cards}
    assert values["Deaths"] == "225"
    assert values["Damage reported (tenge)"] == "over 87 billion"
    assert len(cards) == len(overview.CARDS)


def test_every_card_carries_its_quote_and_whose_figure_it_is(dataset):
    for card in overview.build(dataset, Filters(), EN).cards:
        assert card.value.replace(",", "").split()[-1] in card.quote.replace(",", "")
        assert "Jan 2022" in card.caption


def test_cards_read_in_russian(curated):
    ru = Translator("ru")
    cards = overview.build(localise(curated, "ru"), Filters(), ru).cards
    assert "более 87 миллиардов" in [c.value for c in cards]
