"""Participants over time: the page file st.navigation runs; the view is dashboard/views/participants.py."""

from dashboard import context
from dashboard.views import participants

participants.render(*context.current())
