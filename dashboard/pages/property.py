"""Property and looting: the page file st.navigation runs; the view is dashboard/views/property_looting.py."""

from dashboard import context
from dashboard.views import property_looting

property_looting.render(*context.current())
