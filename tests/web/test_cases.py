"""Dashboard, case page, demo loading, editing with optimistic locking, the audit log."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client

from prytulak.web.audit.models import Action, AppendOnlyError, AuditEntry
from prytulak.web.cases.models import Case, Draft

from .people import sign_in

pytestmark = pytest.mark.django_db


def test_demo_cases_load_with_one_click_each(org) -> None:
    client = sign_in(org.attorney)
    page = client.get("/").content.decode()
    assert "Load demo: protester" in page
    for name in ("protester", "journalist", "lgbt-believer"):
        response = client.post("/demo/", {"name": name})
        assert response.status_code == 302
    assert Case.objects.filter(organization=org.organization).count() == 3
    again = client.post("/demo/", {"name": "protester"})
    assert again.status_code == 302 and Case.objects.count() == 4  # a second, separate copy


def test_dashboard_shows_the_one_year_deadline(protester, org) -> None:
    page = sign_in(org.attorney).get("/").content.decode()
    assert protester.case_id in page
    assert "2027-03-02" in page  # protester: last arrival 2026-03-02 → one-year deadline
    assert "Last day to file the I-589" in page


def test_case_page_shows_assessment_review_and_timeline(protester, org) -> None:
    page = sign_in(org.attorney).get(f"/cases/{protester.pk}/").content.decode()
    assert "2027-03-02" in page
    assert "Assessment" in page and "Review findings" in page
    first_event = protester.case_file().claim.events[0]
    assert first_event.summary in page
    assert AuditEntry.objects.filter(case_pk=protester.pk, action=Action.VIEW).exists()


def test_another_organization_gets_403_and_it_is_logged(protester, other_org) -> None:
    response = sign_in(other_org.attorney).get(f"/cases/{protester.pk}/")
    assert response.status_code == 403
    entry = AuditEntry.objects.get(action=Action.DENIED, case_pk=protester.pk)
    assert entry.username == other_org.attorney.username
    log = sign_in(protester.memberships.get(role="attorney").user).get(
        f"/cases/{protester.pk}/audit/"
    )
    assert other_org.attorney.username in log.content.decode()


def test_a_missing_case_answers_like_a_forbidden_one(org) -> None:
    assert sign_in(org.attorney).get("/cases/999999/").status_code == 403


def test_same_organization_without_membership_sees_nothing(protester, org) -> None:
    from prytulak.web.accounts.models import Role

    from .people import make_user

    outsider = make_user(org.organization, "chi-attorney-2", Role.ATTORNEY)
    client = sign_in(outsider)
    assert protester.case_id not in client.get("/").content.decode()
    assert client.get(f"/cases/{protester.pk}/").status_code == 403


def _edit(client: Client, case: Case, text: str, base: int):  # type: ignore[no-untyped-def]
    return client.post(f"/cases/{case.pk}/edit/", {"text": text, "base_version": base})


def test_second_concurrent_edit_gets_a_conflict_and_loses_nothing(protester, org) -> None:
    attorney, staff = sign_in(org.attorney), sign_in(org.staff)
    text = attorney.get(f"/cases/{protester.pk}/edit/").context["text"]
    base = protester.version
    first = _edit(attorney, protester, text.replace("notes:", "notes:", 1) + "notes: first\n", base)
    assert first.status_code == 302
    mine = text + "notes: second editor's words\n"
    second = _edit(staff, protester, mine, base)
    assert second.status_code == 409
    page = second.content.decode()
    assert "Someone else saved this case while you were editing" in page
    assert "second editor&#x27;s words" in page  # the text is still in the form
    draft = Draft.objects.get(case=protester, user=org.staff)
    assert "second editor's words" in draft.text
    protester.refresh_from_db()
    assert protester.data["notes"] == "first" and protester.version == base + 1


def test_saving_again_after_a_conflict_replaces_the_colleague_only_when_ticked(
    protester, org
) -> None:
    attorney, staff = sign_in(org.attorney), sign_in(org.staff)
    text = attorney.get(f"/cases/{protester.pk}/edit/").context["text"]
    base = protester.version
    assert _edit(attorney, protester, text + "notes: first\n", base).status_code == 302
    mine = text + "notes: second\n"
    conflict = _edit(staff, protester, mine, base)
    assert conflict.status_code == 409
    assert conflict.context["base_version"] == base  # the form still names the old version
    assert f"I have merged version {base + 1}" in conflict.content.decode()
    again = staff.post(f"/cases/{protester.pk}/edit/", {"text": mine, "base_version": base})
    assert again.status_code == 409  # a reflexive second Save does not overwrite
    protester.refresh_from_db()
    assert protester.data["notes"] == "first"
    ticked = staff.post(
        f"/cases/{protester.pk}/edit/",
        {"text": mine, "base_version": base, "replace_version": base + 1},
    )
    assert ticked.status_code == 302
    protester.refresh_from_db()
    assert protester.data["notes"] == "second" and protester.version == base + 2


def test_invalid_edit_is_explained_and_kept(protester, org) -> None:
    client = sign_in(org.attorney)
    response = _edit(client, protester, "schema_version: 1\nid: x\n", protester.version)
    page = response.content.decode()
    assert "was not saved" in page and "applicant" in page
    assert Draft.objects.filter(case=protester, text__contains="id: x").exists()
    protester.refresh_from_db()
    assert protester.version == 1


def test_translator_may_read_but_not_edit(protester, org) -> None:
    client = sign_in(org.translator)
    assert client.get(f"/cases/{protester.pk}/").status_code == 200
    assert client.get(f"/cases/{protester.pk}/edit/").status_code == 403


def test_client_sees_only_the_intake_of_their_own_case(protester) -> None:
    client = sign_in(protester.client_user)
    assert client.get("/")["Location"] == f"/intake/{protester.pk}/"
    assert client.get(f"/cases/{protester.pk}/").status_code == 403
    assert client.get(f"/cases/{protester.pk}/audit/").status_code == 403
    assert client.get(f"/intake/{protester.pk}/").status_code == 200


def test_audit_log_is_append_only_in_django_and_in_the_database(protester, org) -> None:
    sign_in(org.attorney).get(f"/cases/{protester.pk}/")
    entry = AuditEntry.objects.filter(case_pk=protester.pk).first()
    assert entry is not None
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().update(action="view")
    from django.db import DatabaseError, transaction

    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry")
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_audit_entries_hold_no_case_content(protester, org) -> None:
    client = sign_in(org.attorney)
    client.get(f"/cases/{protester.pk}/")
    name = protester.case_file().applicant.name.family
    for entry in AuditEntry.objects.all():
        assert name not in f"{entry.target} {entry.case_label}"


def test_assessment_statuses_read_in_the_users_language(protester, org) -> None:
    client = sign_in(org.translator)
    client.post("/accounts/language/", {"language": "ru", "next": "/"})
    page = client.get(f"/cases/{protester.pk}/").content.decode()
    assert "<td>выполнено</td>" in page and "<td>met</td>" not in page


def test_a_client_on_two_cases_can_reach_both(protester, org) -> None:
    from prytulak.web.cases.demo import load_demo
    from prytulak.web.cases.models import Membership

    second = load_demo("journalist", org.attorney)
    Membership.objects.create(case=second, user=protester.client_user, role="client")
    client = sign_in(protester.client_user)
    page = client.get("/").content.decode()
    assert f'href="/intake/{protester.pk}/"' in page and f'href="/intake/{second.pk}/"' in page
    assert client.get(f"/intake/{second.pk}/").status_code == 200
