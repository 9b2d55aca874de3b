"""Weapons stolen, found, surrendered; weapon-related cases."""

from dashboard import views

views.weapons(*views.context())
