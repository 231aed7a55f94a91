using Sykefravaer.Domain.Effects;

namespace Sykefravaer.Activities.Effects;

/// <summary>How enums are spelled in storage and audit: upper-case words, as in RULES.md and the simulate output,
/// so the tables read the same as the documents and do not change if an enum is reordered.</summary>
public static class StoredCodes
{
    public static string Of(Recipient recipient) => recipient switch
    {
        Recipient.Arbeidstaker => "ARBEIDSTAKER",
        Recipient.Arbeidsgiver => "ARBEIDSGIVER",
        Recipient.Sykmelder => "SYKMELDER",
        Recipient.Veileder => "VEILEDER",
        _ => throw new ArgumentOutOfRangeException(nameof(recipient), recipient, "Unknown recipient."),
    };
}
