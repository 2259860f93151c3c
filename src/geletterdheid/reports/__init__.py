"""Views of the records for people: the HR completion export, progress tables and item statistics.

Reports read from the store and never write to it.
"""
