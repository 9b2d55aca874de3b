"""Sources and method: the page file st.navigation runs; the view is dashboard/views/sources.py."""

from dashboard import context
from dashboard.views import sources

sources.render(*context.current())
