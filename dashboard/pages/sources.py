"""Sources and method."""

from dashboard import views

views.sources_view(*views.context())
