"""Writes of monitoring data that touch several rows or must hold a rule under a row lock."""
