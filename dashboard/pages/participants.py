"""Participants over time: the page file st.navigation runs; the view is dashboard/views/participants.py.

Its heading first; then the date and region filters with everything they change, one
fragment that a filter change reruns alone (dashboard.filters).
"""

from dashboard import context, filters
from dashboard.views import participants

ds, _, tr = context.current()
participants.intro(ds, tr)
filters.following(participants.render, ds, tr)
