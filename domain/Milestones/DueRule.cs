namespace Sykefravaer.Domain.Milestones;

/// <summary>When a milestone falls due, as data: a new rule-set version changes the numbers, not the code.</summary>
public abstract record DueRule
{
    public abstract DateOnly DueDate(MilestoneFacts facts);

    /// <summary>For the audit trail, e.g. <c>S+55</c>.</summary>
    public abstract string Describe();
}

/// <summary>Calendar days after the tilfelle start S (RULES.md: "S + 28").</summary>
public sealed record OffsetFromStart(int Days) : DueRule
{
    public override DateOnly DueDate(MilestoneFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Tilfelle.Start.AddDays(Days);
    }

    public override string Describe() => $"S+{Days}";
}

/// <summary>On the maksdato (M1–M3), the last day sykepenger can be paid.</summary>
public sealed record AtMaksdato : DueRule
{
    public override DateOnly DueDate(MilestoneFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Maksdato;
    }

    public override string Describe() => "maksdato";
}
