"""Property and looting."""

from dashboard import views

views.property_view(*views.context())
