"""The filing package: the official forms filled from the case, the declaration, the exhibit
bundle, cover letter, certificates and a manifest. Every output except the official forms
carries the notice that it is a draft, not legal advice, for an attorney's review."""

from .declaration import render_declaration
from .exhibits import Bundle, BundleOptions, EvidenceFileError, build_bundle
from .forms import FilledForm, fill_i589
from .forms.i765 import fill_i765
from .package import Package, build_package

__all__ = [
    "Bundle",
    "BundleOptions",
    "EvidenceFileError",
    "FilledForm",
    "Package",
    "build_bundle",
    "build_package",
    "fill_i589",
    "fill_i765",
    "render_declaration",
]
