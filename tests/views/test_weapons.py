from dashboard.context import Filters
from dashboard.i18n import EN
from dashboard.views import weapons


def test_found_weapons_by_type_with_grenades_and_cartridges_beside_them(dataset, bars):
    view = weapons.build(dataset, Filters(), EN)
    assert bars(view.chart)[0] == 515
    assert "**over 100** grenades" in view.also and "**9,000** cartridges" in view.also


def test_stolen_civilian_and_found_weapons_are_separate_cards_with_nothing_computed(dataset, bars):
    view = weapons.build(dataset, Filters(), EN)
    assert [c.value for c in view.cards] == ["1,564", "515", "31"]
    assert "%" not in view.also


def test_weapon_related_cases_and_detentions_are_listed_with_quotes(dataset, bars):
    view = weapons.build(dataset, Filters(), EN)
    assert len(view.related) == len(view.related_quotes.table) == len(weapons.WEAPON_RELATED)
