"""Participants over time, and regions reached per day."""

from dashboard import views

views.participants(*views.context())
