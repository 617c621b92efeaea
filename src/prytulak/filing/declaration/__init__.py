"""The applicant's declaration: numbered paragraphs from the case, DOCX and PDF, a bilingual
review copy and the interpreter's certificate. Templates are files under ``templates/``."""

from .compose import compose_declaration, declaration_context
from .render import (
    DeclarationFiles,
    interpreter_certificate,
    render_declaration,
    review_copy_pdf,
    to_docx,
)

__all__ = [
    "DeclarationFiles",
    "compose_declaration",
    "declaration_context",
    "interpreter_certificate",
    "render_declaration",
    "review_copy_pdf",
    "to_docx",
]
