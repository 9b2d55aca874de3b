"""Casualties: wounded and deaths, law enforcement and others."""

from dashboard import views

views.casualties(*views.context())
