"""Chronology: the page file st.navigation runs; the view is dashboard/views/chronology.py.

Its heading first; then the date and region filters with everything they change, one
fragment that a filter change reruns alone (dashboard.filters).
"""

from dashboard import context, filters
from dashboard.views import chronology

ds, _, tr = context.current()
chronology.intro(ds, tr)
filters.following(chronology.render, ds, tr)
