"""``prytulak directory …`` and ``prytulak referral``: find legal help for a case."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from prytulak.case import CaseFile, CaseFileError, load_case
from prytulak.directory import (
    ConsentError,
    DirectoryStore,
    FontError,
    Match,
    MatchFilters,
    Option,
    Provider,
    SourceError,
    StoreError,
    build_referral,
    consents_for,
    import_file,
    match_case,
    render_markdown,
    render_pdf,
    search,
    sources,
)
from prytulak.directory.geography import state_code
from prytulak.directory.model import CostModel

from ._output import EXIT_USAGE, console, fail, fail_with_problems
from ._paths import output_file, write_bytes

directory_app = typer.Typer(
    help="Legal-service providers: import directories, search them, match them to a case.",
    no_args_is_help=True,
)
NOT_ADVICE = "A list to start from, not a recommendation or legal advice; call providers first."


def register(app: typer.Typer) -> None:
    app.add_typer(directory_app, name="directory")
    app.command("referral")(referral)


def _load(path: Path) -> CaseFile:
    try:
        return load_case(path)
    except CaseFileError as error:
        fail_with_problems(error)


@directory_app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="The directory file (PDF, CSV or YAML)")],
    source: Annotated[
        str | None,
        typer.Option("--source", help="eoir-probono, eoir-roster or local; guessed when left out"),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the stored source even if far fewer found")
    ] = False,
) -> None:
    """Read a directory file and store it in the data directory."""
    try:
        result = import_file(file, source)
        path = DirectoryStore().save(result, force=force)
    except (SourceError, StoreError) as error:
        fail(str(error))
    edition = result.edition
    listings = sum(len(p.listings) for p in result.providers)
    console.print(f"[bold green]✓[/] {edition.title}, {edition.edition} ({edition.source})")
    console.print(
        f"  {len(result.providers)} providers, {listings} court listings, "
        f"{result.blocks} entries read in {result.sections} sections"
    )
    console.print(f"  unparsed blocks: {len(result.unparsed)}; warnings: {len(result.warnings)}")
    for problem in [*result.unparsed, *result.warnings][:15]:
        console.print(f"  • {problem}", markup=False, soft_wrap=True)
    console.print(f"  stored in {path}")


@directory_app.command("search")
def search_command(
    court: Annotated[str | None, typer.Option(help="Court name, city or code")] = None,
    state: Annotated[str | None, typer.Option(help="Two-letter state, e.g. NY")] = None,
    language: Annotated[
        list[str], typer.Option("--language", help="ISO code, e.g. ru (repeatable)")
    ] = [],  # noqa: B006
    unknown_language: Annotated[
        bool, typer.Option("--unknown-language", help="Also providers that list no languages")
    ] = False,
    detained: Annotated[
        bool | None, typer.Option("--detained/--non-detained", help="Takes detained cases or not")
    ] = None,
    case_type: Annotated[
        list[str], typer.Option("--case-type", help="e.g. asylum, removal_defense")
    ] = [],  # noqa: B006
    cost: Annotated[list[CostModel], typer.Option(help="pro_bono, low_fee, paid")] = [],  # noqa: B006
    full_accreditation: Annotated[
        bool, typer.Option("--full-accreditation", help="Exclude DHS-only organizations")
    ] = False,
    limit: Annotated[int, typer.Option(help="Show at most this many")] = 50,
) -> None:
    """List providers by court, state, language and detention, with what they say."""
    if state and not state_code(state):
        fail(f"{state!r} is not a US state; write the two letters, e.g. NY", EXIT_USAGE)
    filters = MatchFilters(
        languages=tuple(language),
        include_unknown_language=unknown_language,
        court=court,
        state=state_code(state) if state else None,
        detained=detained,
        case_types=tuple(case_type),
        costs=tuple(cost),
        full_accreditation=full_accreditation,
    )
    found = search(_stored_providers(), filters)
    if not found:
        console.print("No provider matches these filters.")
        return
    for option in found[:limit]:
        _print_option(option)
    console.print(f"\n{len(found)} listing(s). {NOT_ADVICE}", soft_wrap=True)


@directory_app.command("match")
def match_command(
    case_path: Annotated[Path, typer.Argument(help="Case folder or case.yaml", metavar="CASE")],
    limit: Annotated[int, typer.Option(help="Show at most this many")] = 10,
    all_states: Annotated[
        bool, typer.Option("--all-states", help="Also providers outside the case's state")
    ] = False,
    excluded: Annotated[
        bool, typer.Option("--excluded", help="Also list the excluded providers and why")
    ] = False,
) -> None:
    """Rank providers for a case and say why each ranks where it does."""
    case = _load(case_path)
    needs, ranked, out = match_case(
        case, _stored_providers(), date.today(), MatchFilters(any_location=all_states)
    )
    console.print(f"Court: {needs.court.describe()} ({needs.court.how})", soft_wrap=True)
    console.print(f"Languages sought: {', '.join(needs.primary_languages + needs.other_languages)}")
    for number, match in enumerate(ranked[:limit], start=1):
        _print_match(number, match, console)
    console.print(f"\n{len(ranked)} ranked, {len(out)} excluded. {NOT_ADVICE}", soft_wrap=True)
    if excluded:
        for match in out:
            why = "; ".join(match.excluded)
            console.print(f"  ✗ {match.provider.name}: {why}", markup=False, soft_wrap=True)


def referral(
    case_path: Annotated[Path, typer.Argument(help="Case folder or case.yaml", metavar="CASE")],
    out: Annotated[Path, typer.Option("--out", help="Output file: .md or .pdf")],
    recipient: Annotated[
        str | None, typer.Option("--for", help="The provider it is for (consent is per provider)")
    ] = None,
) -> None:
    """Write a referral packet; identifying details only with recorded consent."""
    if out.suffix.lower() not in (".md", ".pdf") and not out.is_dir():
        fail(f"{out.name}: write the packet to a .md or .pdf file", EXIT_USAGE)
    output_file(out, example="referral.pdf")
    case = _load(case_path)
    folder = case_path if case_path.is_dir() else case_path.parent
    try:
        packet = build_referral(case, consents_for(case, folder), date.today(), recipient)
        data = (
            render_pdf(packet)
            if out.suffix.lower() == ".pdf"
            else render_markdown(packet).encode("utf-8")
        )
    except (ConsentError, FontError) as error:
        fail(str(error))
    write_bytes(out, data)
    shown = ", ".join(sorted(d.value for d in packet.shared)) or "none (no consent recorded)"
    console.print(f"[bold green]✓[/] wrote {out}; identifying details shown: {shown}")


def _stored_providers() -> list[Provider]:
    try:
        providers = DirectoryStore().providers()
    except StoreError as error:
        fail(str(error))
    if not providers:
        names = ", ".join(sorted(sources()))
        fail(
            "no directory imported yet; run 'prytulak directory import FILE' "
            f"(sources: {names}). The EOIR list is at "
            "https://www.justice.gov/eoir/list-pro-bono-legal-service-providers"
        )
    return providers


def _print_option(option: Option) -> None:
    provider, terms = option.provider, option.terms
    where = option.listing.court if option.listing else ", ".join(provider.states)
    console.print(f"\n[bold]{provider.name}[/] ({provider.kind.value}) — {where}", markup=True)
    for office in option.listing.offices if option.listing else provider.offices:
        contact = [p.number + (f" ({p.label})" if p.label else "") for p in office.phones]
        contact += office.emails + office.websites
        place = ", ".join(x for x in (office.city, office.state) if x)
        console.print(f"  {place}  {' · '.join(contact)}", markup=False)
    languages = ", ".join(n.name for n in terms.languages) or "not listed (unknown)"
    console.print(f"  languages: {languages}; detained: {terms.detained.value}", markup=False)


def _print_match(number: int, match: Match, out: Console) -> None:
    option = match.option
    where = option.listing.court if option.listing else ", ".join(match.provider.states)
    out.print(f"\n{number}. [bold]{match.provider.name}[/] — {where}  (score {match.score})")
    for reason in match.reasons:
        sign = "+" if reason.points >= 0 else ""
        out.print(f"   {sign}{reason.points:<3} {reason.text}", markup=False, soft_wrap=True)
    for caution in match.cautions:
        out.print(f"   ! {caution}", markup=False, soft_wrap=True)
    offices = option.listing.offices if option.listing else match.provider.offices
    for office in offices[:2]:
        contact = [p.number for p in office.phones] + office.emails + office.websites
        if contact:
            out.print(f"   contact: {' · '.join(contact)}", markup=False)


def demo_step(folder: Path, case: CaseFile, console: Console) -> None:
    """The top three providers for the demo case, when a directory has been imported."""
    try:
        providers = DirectoryStore().providers()
    except StoreError:
        return
    if not providers:
        return
    needs, ranked, _ = match_case(case, providers, date.today())
    console.print(f"Legal help near {needs.court.describe()}:")
    for number, match in enumerate(ranked[:3], start=1):
        console.print(f"  {number}. {match.provider.name} (score {match.score})", markup=False)
