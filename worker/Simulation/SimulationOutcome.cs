using System.Text.Json;
using Sykefravaer.Activities.Commands;
using Sykefravaer.Workflows.Contract;

namespace Sykefravaer.Worker.Simulation;

/// <summary>The output of <c>simulate</c> (README.md, "Simulate a case history"), in the input's own time.</summary>
public sealed record SimulationOutcome(IReadOnlyList<SimulatedCase> Cases)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static SimulationOutcome From(SimulatedHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var shift = history.Shift;
        return new(history.Cases.Select(c => new SimulatedCase(
            shift.Back(c.State.Start),
            shift.Back(c.State.End),
            shift.Back(c.State.Closed),
            c.State.Outcome,
            shift.Back(c.State.Maksdato),
            c.Milestones.Select(m => new SimulatedMilestone(m.Code, shift.Back(m.Due), m.Result, shift.Back(m.FiredOn))).ToList(),
            c.Effects.Select(e => new SimulatedEffect(shift.Back(e.On), ContractCodes.Of(e.Kind), e.Code, ContractCodes.Of(e.To))).ToList()))
            .ToList());
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <param name="Outcome">FRISKMELDT, MAKSDATO, DOD or OPEN.</param>
public sealed record SimulatedCase(
    DateOnly Start,
    DateOnly End,
    DateOnly? Closed,
    string Outcome,
    DateOnly? Maksdato,
    IReadOnlyList<SimulatedMilestone> Milestones,
    IReadOnlyList<SimulatedEffect> Effects);

/// <param name="Result">FIRED, SATISFIED, NOT_APPLICABLE, CANCELLED or PENDING.</param>
public sealed record SimulatedMilestone(string Code, DateOnly? Due, string Result, DateOnly? FiredOn);

/// <param name="Kind">NOTICE or TASK.</param>
/// <param name="To">ARBEIDSTAKER, ARBEIDSGIVER or SYKMELDER for a notice; VEILEDER for a task.</param>
public sealed record SimulatedEffect(DateOnly On, string Kind, string Code, string To);
