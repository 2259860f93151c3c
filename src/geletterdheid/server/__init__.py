"""The results server: serves the built site and a small JSON API (submit a quiz, HR export).

A thin HTTP layer: scoring lives in ``geletterdheid.quiz.scoring``, storage in
``geletterdheid.records``, the export in ``geletterdheid.reports``.
"""
