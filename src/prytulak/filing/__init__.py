"""The filing package: the official forms filled from the case, the declaration, the exhibit
bundle, cover letter, certificates and a manifest. Every output except the official forms
carries the notice that it is a draft, not legal advice, for an attorney's review.

The verbs are imported on first use, so a command that only assembles a bundle does not pay
for the form filler or the declaration writer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from prytulak.lazy import lazy_exports

if TYPE_CHECKING:
    from .declaration import render_declaration
    from .exhibits import Bundle, BundleOptions, EvidenceFileError, build_bundle
    from .forms import FilledForm, fill_i589
    from .forms.i765 import fill_i765
    from .package import Package, build_package

_HOME = {
    "render_declaration": ".declaration",
    "Bundle": ".exhibits",
    "BundleOptions": ".exhibits",
    "EvidenceFileError": ".exhibits",
    "build_bundle": ".exhibits",
    "FilledForm": ".forms",
    "fill_i589": ".forms",
    "fill_i765": ".forms.i765",
    "Package": ".package",
    "build_package": ".package",
}

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

__getattr__ = lazy_exports(__name__, _HOME)
