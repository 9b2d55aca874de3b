"""Chronology: the page file st.navigation runs; the view is dashboard/views/chronology.py."""

from dashboard import context
from dashboard.views import chronology

chronology.render(*context.current())
