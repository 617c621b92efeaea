"""Official USCIS forms filled from the case file: one field map (YAML) per form edition."""

from .edition import FieldSpec, FormEdition, FormEditionError, available_editions, load_edition
from .filled import FilledForm
from .i589 import fill_i589

__all__ = [
    "FieldSpec",
    "FilledForm",
    "FormEdition",
    "FormEditionError",
    "available_editions",
    "fill_i589",
    "load_edition",
]
