"""Regional spread: the page file st.navigation runs; the view is dashboard/views/spread.py."""

from dashboard import context
from dashboard.views import spread

spread.render(*context.current())
