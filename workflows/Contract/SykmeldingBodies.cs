using System.ComponentModel;
using Sykefravaer.Domain.CasePeriod;
using Sykefravaer.Domain.Cases;

namespace Sykefravaer.Workflows.Contract;

/// <summary>A sykmelding received: starts a case or continues the open one (T1). Its <c>id</c> is the
/// sykmelding's own id, which corrections and withdrawals refer to.</summary>
public sealed record SykmeldingBody : EventBody
{
    public required DateOnly Fom { get; init; }

    public required DateOnly Tom { get; init; }

    [Description("Percent sick, 1–100; below 100 is gradert.")]
    public required int Grad { get; init; }

    [Description("The employer's organisasjonsnummer (9 digits); leave out when there is no employer.")]
    public string? Orgnr { get; init; }

    [Description("ORDINARY (default); BEHANDLINGSDAGER and REISETILSKUDD days are not sick days (T3).")]
    public SykmeldingType? SykmeldingType { get; init; }

    protected override CaseEvent? ToEvent(string id, DateTimeOffset at, EventChecks checks) =>
        SykmeldingFields.Read(id, Fom, Tom, Grad, Orgnr, SykmeldingType, checks) is { } sykmelding
            ? new SykmeldingMottatt(id, at, sykmelding)
            : null;
}

/// <summary>T6: a sykmelding replaced by a corrected version. The event has its own <c>id</c> (each correction is
/// a message of its own); <c>sykmeldingId</c> names the sykmelding it replaces.</summary>
public sealed record SykmeldingKorrigertBody : EventBody
{
    public required string SykmeldingId { get; init; }

    public required DateOnly Fom { get; init; }

    public required DateOnly Tom { get; init; }

    public required int Grad { get; init; }

    public string? Orgnr { get; init; }

    public SykmeldingType? SykmeldingType { get; init; }

    protected override CaseEvent? ToEvent(string id, DateTimeOffset at, EventChecks checks)
    {
        var sykmeldingId = checks.Text(SykmeldingId, "sykmeldingId");
        var sykmelding = SykmeldingFields.Read(sykmeldingId ?? string.Empty, Fom, Tom, Grad, Orgnr, SykmeldingType, checks);
        return sykmeldingId is null || sykmelding is null ? null : new SykmeldingKorrigert(id, at, sykmelding);
    }
}

/// <summary>T6: a sykmelding withdrawn for good.</summary>
public sealed record SykmeldingAvbruttBody : EventBody
{
    public required string SykmeldingId { get; init; }

    protected override CaseEvent? ToEvent(string id, DateTimeOffset at, EventChecks checks) =>
        checks.Text(SykmeldingId, "sykmeldingId") is { } sykmeldingId ? new SykmeldingAvbrutt(id, at, sykmeldingId) : null;
}

/// <summary>The person is well from <c>dato</c>: the last sick day becomes the day before.</summary>
public sealed record FriskmeldingBody : EventBody
{
    public required DateOnly Dato { get; init; }

    protected override CaseEvent? ToEvent(string id, DateTimeOffset at, EventChecks checks) =>
        checks.Date(Dato, "dato") is { } dato ? new FriskmeldingMottatt(id, at, dato) : null;
}

/// <summary>The fields a sykmelding and its correction share.</summary>
internal static class SykmeldingFields
{
    public static Sykmelding? Read(
        string sykmeldingId, DateOnly fom, DateOnly tom, int grad, string? orgnr, SykmeldingType? type, EventChecks checks)
    {
        var periode = checks.Periode(fom, tom);
        var validGrad = checks.Grad(grad);
        var arbeidsgiver = checks.OptionalOrgnr(orgnr);
        var employerValid = orgnr is null || arbeidsgiver is not null;
        return periode is null || validGrad is null || !employerValid
            ? null
            : new Sykmelding(sykmeldingId, periode.Value, validGrad.Value, arbeidsgiver, type ?? Domain.CasePeriod.SykmeldingType.Ordinary);
    }
}
