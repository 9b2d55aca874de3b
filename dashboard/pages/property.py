"""Property and looting: the page file st.navigation runs; the view is dashboard/views/property_looting.py.

Its heading first; then the date and region filters with everything they change, one
fragment that a filter change reruns alone (dashboard.filters).
"""

from dashboard import context, filters
from dashboard.views import property_looting

ds, _, tr = context.current()
property_looting.intro(ds, tr)
filters.following(property_looting.render, ds, tr)
