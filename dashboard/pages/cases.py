"""Criminal cases and detentions."""

from dashboard import views

views.cases(*views.context())
