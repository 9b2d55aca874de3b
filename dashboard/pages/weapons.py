"""Weapons: the page file st.navigation runs; the view is dashboard/views/weapons.py."""

from dashboard import context
from dashboard.views import weapons

weapons.render(*context.current())
