"""An upload whose file changes, disappears or cannot be stored while the locker takes it is
explained on the page (no server error) and nothing is recorded."""

from __future__ import annotations

import html
import io
from pathlib import Path

import pytest

from prytulak.web.cases.models import Upload

from .people import sign_in

pytestmark = pytest.mark.django_db


def _post(protester: object) -> str:
    client = sign_in(protester.client_user)  # type: ignore[attr-defined]
    sent = io.BytesIO("ПОВЕСТКА. Явиться в Следственный комитет.\n".encode())
    sent.name = "summons.txt"
    response = client.post(
        f"/cases/{protester.pk}/upload/",  # type: ignore[attr-defined]
        {"file": sent},
        follow=True,
    )
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_a_file_that_changes_while_it_is_stored_is_explained(
    protester: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    import prytulak.evidence.intake as intake

    inspect = intake.inspect_file

    def meddling(path: Path, *args: object, **kwargs: object) -> object:
        result = inspect(path, *args, **kwargs)  # type: ignore[arg-type]
        path.write_bytes(path.read_bytes() + b"more")
        return result

    monkeypatch.setattr(intake, "inspect_file", meddling)
    page = _post(protester)
    assert "The document was not accepted" in page
    assert "the file changed while it was being sent" in page
    assert not Upload.objects.filter(case=protester).exists()


@pytest.mark.parametrize(
    "error",
    [OSError(28, "No space left on device"), PermissionError(13, "Permission denied")],
    ids=["disk-full", "permission"],
)
def test_a_file_that_cannot_be_stored_is_explained(
    protester: object, monkeypatch: pytest.MonkeyPatch, error: OSError
) -> None:
    from prytulak.store.blobs import BlobStore

    def failing(self: BlobStore, path: Path) -> object:
        raise error

    monkeypatch.setattr(BlobStore, "put_file", failing)
    page = _post(protester)
    assert "The document was not accepted" in page
    assert str(error.strerror) in page
    assert not Upload.objects.filter(case=protester).exists()


def test_an_unexpected_os_error_is_explained(
    protester: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prytulak.web.cases import lockers

    def failing(case_pk: int) -> object:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(lockers, "_locker", failing)
    page = _post(protester)
    assert "The document was not accepted" in page and "Input/output error" in page
    assert not Upload.objects.filter(case=protester).exists()
