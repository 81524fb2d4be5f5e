"""Budgets: the multi-year budget per programme, spending against it, its pace and approved changes.

Part of the `projects` app (its models register there); kept in its own package so the plan and the
budget can change independently.
"""
