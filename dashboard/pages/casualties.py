"""Casualties: the page file st.navigation runs; the view is dashboard/views/casualties.py."""

from dashboard import context
from dashboard.views import casualties

casualties.render(*context.current())
