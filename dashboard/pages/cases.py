"""Criminal cases and detentions: the page file st.navigation runs; the view is dashboard/views/cases.py."""

from dashboard import context
from dashboard.views import cases

cases.render(*context.current())
