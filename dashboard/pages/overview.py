"""Overview: headline figures."""

from dashboard import views

views.overview(*views.context())
