"""Chronology of 1–8 January 2022, following the filters."""

from dashboard import views

views.chronology(*views.context())
