"""How the figures changed: the page file st.navigation runs; the view is dashboard/views/changes.py."""

from dashboard import context
from dashboard.views import changes

changes.render(*context.current())
