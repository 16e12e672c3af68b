"""Hasila: Arabic conflict reporting to casualty tallies."""
