using System.Globalization;

namespace Sykefravaer.Activities.Effects;

/// <summary>
/// The key every write is stored under: the case id and the effect's key. The effect key is unique within its case
/// and stable across replays, so the pair is unique across cases and the same however often an activity is retried.
/// </summary>
public static class IdempotencyKey
{
    public static string For(Guid caseId, string effectKey) =>
        string.Create(CultureInfo.InvariantCulture, $"{caseId:D}/{effectKey}");
}
