"""Regional spread: the most severe unrest named per region, on a map and per day."""

from dashboard import views

views.spread(*views.context())
