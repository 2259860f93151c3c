"""Certificates for a completed learning path: the learner's progress, the record, a PDF/UA document
and an Open Badges 3.0 credential. Pure except ``pdf.compile_pdf`` and ``signing_key`` (files)."""
