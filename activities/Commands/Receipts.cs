namespace Sykefravaer.Activities.Commands;

/// <summary>What was written for one effect. A retry or replay gets the same receipt as the first call.</summary>
/// <param name="IdempotencyKey">The stored key: case id and effect key (<see cref="Effects.IdempotencyKey"/>).</param>
/// <param name="Id">The outbox, task or audit row id.</param>
/// <param name="RecordedAt">When the first call wrote it.</param>
public sealed record EffectReceipt(string IdempotencyKey, long Id, DateTimeOffset RecordedAt);

/// <summary>What the AAP transition wrote: its notice and its task.</summary>
public sealed record AapTransitionReceipt(EffectReceipt Notice, EffectReceipt Task);

/// <summary>The outcome of a projection write.</summary>
/// <param name="StoredVersion">The version stored after the write: the requested one, or a newer one that was
/// already there (then this write was superseded and changed nothing).</param>
public sealed record ProjectionReceipt(Guid CaseId, long RequestedVersion, long StoredVersion)
{
    public bool Superseded => StoredVersion > RequestedVersion;
}
