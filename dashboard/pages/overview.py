"""Overview: the page file st.navigation runs; the view is dashboard/views/overview.py."""

from dashboard import context
from dashboard.views import overview

overview.render(*context.current())
