"""Regional spread: the page file st.navigation runs; the view is dashboard/views/spread.py.

Its heading first; then the date and region filters with everything they change, one
fragment that a filter change reruns alone (dashboard.filters).
"""

from dashboard import context, filters
from dashboard.views import spread

ds, _, tr = context.current()
spread.intro(ds, tr)
filters.following(spread.render, ds, tr)
