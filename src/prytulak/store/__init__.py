"""Where cases live: case folders on disk (``case.yaml`` + ``evidence/``), saved atomically."""

from .folder import CaseFolder, atomic_write, create_case_folder, save_case

__all__ = ["CaseFolder", "atomic_write", "create_case_folder", "save_case"]
