"""The filing package on the web: built in the background, downloaded whole or by document."""

from __future__ import annotations

import io
import zipfile

import pytest

from prytulak.web.audit.models import Action, AuditEntry
from prytulak.web.cases.models import Case, PackageBuild

from .people import sign_in

pytestmark = pytest.mark.django_db


def _audit(case: Case, action: str) -> list[str]:
    return list(
        AuditEntry.objects.filter(case_pk=case.pk, action=action).values_list("target", flat=True)
    )


@pytest.mark.slow
def test_attorney_builds_the_package_and_downloads_it_whole_and_by_document(protester, org) -> None:
    client = sign_in(org.attorney)
    response = client.post(f"/cases/{protester.pk}/package/build/", follow=True)
    assert response.status_code == 200
    build = PackageBuild.objects.get(case=protester)
    assert build.state == PackageBuild.State.DONE, build.message  # inline worker in tests
    assert build.case_version == protester.version and build.progress == 100
    paths = [f["path"] for f in build.files]
    assert {"02-i589.pdf", "03-declaration.pdf", "manifest.json"} <= set(paths)
    page = client.get(f"/cases/{protester.pk}/package/").content.decode()
    assert "Download the package (zip)" in page and "02-i589.pdf" in page
    assert "Not in the bundle" in page  # the demo's evidence has no files yet: said, not hidden

    download = client.get(f"/cases/{protester.pk}/package/{build.pk}/zip")
    assert download.status_code == 200 and download["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(download.content))
    names = archive.namelist()
    assert any(n.endswith("/02-i589.pdf") for n in names)
    assert any(n.endswith("/NOT-LEGAL-ADVICE.txt") for n in names)
    i589 = archive.read(next(n for n in names if n.endswith("/02-i589.pdf")))

    single = client.get(f"/cases/{protester.pk}/package/{build.pk}/files/02-i589.pdf")
    assert single.status_code == 200 and single["Content-Type"] == "application/pdf"
    assert single.content == i589 and single.content.startswith(b"%PDF")
    nested = client.get(f"/cases/{protester.pk}/package/{build.pk}/files/later/i765.pdf")
    assert nested.status_code == 200 and nested.content.startswith(b"%PDF")

    assert _audit(protester, Action.EXPORT) == [f"package build {build.pk} (v{build.case_version})"]
    downloads = _audit(protester, Action.DOWNLOAD)
    assert f"package {build.pk} zip" in downloads
    assert f"package {build.pk} 02-i589.pdf" in downloads


def test_package_files_are_not_kept_in_plaintext(protester, org, settings) -> None:
    """Only the encrypted store holds the package: no PDF lies in the data directory."""
    from pathlib import Path

    from prytulak.web.cases import packages

    kept = packages._store().put_bytes(b"%PDF-1.7 secret declaration")
    blob = packages._store().path_for(kept.sha256).read_bytes()
    assert b"secret declaration" not in blob
    assert not list(Path(settings.DATA_DIR).rglob("*.pdf"))


def test_page_warns_while_blocking_review_findings_are_open(protester, org) -> None:
    data = protester.data
    data["claim"]["grounds"] = [*data["claim"]["grounds"], "particular_social_group"]
    data["claim"]["social_groups"] = []
    Case.objects.filter(pk=protester.pk).update(data=data, version=protester.version + 1)
    page = sign_in(org.attorney).get(f"/cases/{protester.pk}/package/").content.decode()
    assert "Do not file yet: 1 blocking finding is open" in page
    assert "A particular social group is claimed but not defined" in page


def test_page_shows_no_warning_when_nothing_blocks(protester, org) -> None:
    page = sign_in(org.staff).get(f"/cases/{protester.pk}/package/").content.decode()
    assert "Build the filing package" in page and "Do not file yet" not in page


def test_a_case_file_that_no_longer_validates_fails_the_build_with_its_reason(
    protester, org
) -> None:
    data = protester.data
    data["applicant"]["birth"]["date"] = "2031-02-30"
    Case.objects.filter(pk=protester.pk).update(data=data)
    response = sign_in(org.attorney).post(f"/cases/{protester.pk}/package/build/", follow=True)
    build = PackageBuild.objects.get(case=protester)
    assert build.state == PackageBuild.State.FAILED and build.message
    page = response.content.decode()
    assert "could not be built" in page and "Traceback" not in page


def test_a_second_build_waits_for_the_one_running(protester, org) -> None:
    PackageBuild.objects.create(
        case=protester, case_version=1, state=PackageBuild.State.RUNNING, progress=40, step="E03"
    )
    client = sign_in(org.attorney)
    response = client.post(f"/cases/{protester.pk}/package/build/", follow=True)
    assert "already being built" in response.content.decode()
    assert PackageBuild.objects.filter(case=protester).count() == 1
    fragment = client.get(
        f"/cases/{protester.pk}/package/{PackageBuild.objects.get().pk}/"
    ).content.decode()
    assert 'hx-trigger="every 2s"' in fragment and 'value="40"' in fragment


@pytest.mark.parametrize("who", ["translator", "client"])
def test_translators_and_clients_may_not_build_and_the_refusal_is_logged(
    protester, org, who: str
) -> None:
    user = org.translator if who == "translator" else protester.client_user
    response = sign_in(user).post(f"/cases/{protester.pk}/package/build/")
    assert response.status_code == 403
    assert not PackageBuild.objects.exists()
    assert "package build" in _audit(protester, Action.DENIED)


def test_an_unfinished_build_cannot_be_downloaded(protester, org) -> None:
    build = PackageBuild.objects.create(case=protester, case_version=1)
    client = sign_in(org.attorney)
    assert client.get(f"/cases/{protester.pk}/package/{build.pk}/zip").status_code == 404
    missing = client.get(f"/cases/{protester.pk}/package/{build.pk}/files/nothing.pdf")
    assert missing.status_code == 404


def test_old_builds_are_pruned_but_files_a_kept_build_shares_stay(protester, org, settings) -> None:
    from prytulak.web.cases import packages

    settings.PRYTULAK_PACKAGE_KEEP = 2
    store = packages._store()
    shared = store.put_bytes(b"%PDF-1.7 the same I-765 in every build").sha256
    own = []
    for number in range(3):
        manifest = store.put_bytes(f'{{"build": {number}}}'.encode()).sha256
        own.append(manifest)
        PackageBuild.objects.create(
            case=protester,
            user=org.attorney,
            case_version=protester.version,
            state=PackageBuild.State.DONE,
            files=[
                {"path": "later/i765.pdf", "sha256": shared},
                {"path": "manifest.json", "sha256": manifest},
            ],
        )
    assert packages.prune_builds(protester.pk) == 1
    assert PackageBuild.objects.filter(case=protester).count() == 2
    assert not store.has(own[0])  # the oldest build's own file is gone
    assert store.has(own[1]) and store.has(own[2]) and store.has(shared)
    newest = PackageBuild.objects.filter(case=protester).first()
    assert packages.package_file(newest, "later/i765.pdf") is not None


def test_the_build_button_comes_back_when_the_polled_build_finishes(protester, org) -> None:
    build = PackageBuild.objects.create(
        case=protester, case_version=1, state=PackageBuild.State.RUNNING, progress=40
    )
    client = sign_in(org.attorney)
    page = client.get(f"/cases/{protester.pk}/package/").content.decode()
    assert '<button type="submit" id="build-button" disabled>' in page
    url = f"/cases/{protester.pk}/package/{build.pk}/"
    assert 'id="build-button" hx-swap-oob="true" disabled' in client.get(url).content.decode()
    PackageBuild.objects.filter(pk=build.pk).update(state=PackageBuild.State.FAILED)
    polled = client.get(url).content.decode()
    assert 'id="build-button" hx-swap-oob="true">' in polled  # enabled again, no reload
