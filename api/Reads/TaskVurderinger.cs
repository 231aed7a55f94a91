using Sykefravaer.Domain.Sporsmal;

namespace Sykefravaer.Api.Reads;

/// <summary>
/// The decisions a task is closed with, by its code: a KARTLEGGING_SVAR task closes with the veileder's assessment
/// (navikt/syfomodiaperson <c>KartleggingVurdering.tsx</c>: risk of long absence and a need for early follow-up, or
/// no such need), recorded with the closing in the audit trail. Other tasks close without one.
/// </summary>
public static class TaskVurderinger
{
    public const string RisikoForLangtidsfravar = "RISIKO_FOR_LANGTIDSFRAVAR";
    public const string IkkeRisikoForLangtidsfravar = "IKKE_RISIKO_FOR_LANGTIDSFRAVAR";

    private static readonly IReadOnlyList<string> Kartlegging = [RisikoForLangtidsfravar, IkkeRisikoForLangtidsfravar];

    /// <summary>The decisions a task of <paramref name="code"/> takes; empty when it closes without one.</summary>
    public static IReadOnlyList<string> For(string code) =>
        code is SporsmalCodes.KartleggingSvar or SporsmalCodes.KartleggingSvarRisiko ? Kartlegging : [];

    /// <summary>What is wrong with closing a task of <paramref name="code"/> with <paramref name="vurdering"/>, or null.</summary>
    public static string? Problem(string code, string? vurdering)
    {
        var allowed = For(code);
        if (allowed.Count == 0)
        {
            return vurdering is null ? null : $"a {code} task is closed without a vurdering";
        }

        return vurdering is not null && allowed.Contains(vurdering, StringComparer.Ordinal)
            ? null
            : $"a {code} task is closed with a vurdering: {string.Join(" or ", allowed)}";
    }

    /// <summary>In the veileder's words (the labels of NAV's form).</summary>
    public static string LabelOf(string vurdering) => vurdering switch
    {
        RisikoForLangtidsfravar => "Jeg vurderer at den sykmeldte har risiko for langtidsfravær og behov for tidlig oppfølging",
        IkkeRisikoForLangtidsfravar => "Jeg vurderer at den sykmeldte ikke har behov for tidlig oppfølging",
        _ => vurdering,
    };
}
