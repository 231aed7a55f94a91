using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Time;

namespace Sykefravaer.Worker.Simulation;

/// <summary>
/// What a simulation does, in the order of the shifted clock: deliver each person's events at their times, and
/// read each person's cases at the start of their <c>until</c> (after their last event). People run side by side on
/// one server, each on their own workflow ID, so one person's steps fall between another's exactly as time orders
/// them, and a person's cases are what they would be had the person run alone.
/// </summary>
internal static class SimulationTimeline
{
    /// <summary>Steps by time; at the same moment, deliveries before reads, and otherwise in the people's order.</summary>
    public static IEnumerable<SimulationStep> Of(IReadOnlyList<SimulatedPerson> people, TimeShift shift, TimeSpan settle) =>
        people.SelectMany((person, index) => StepsOf(index, person.Input, shift, settle))
            .OrderBy(s => s.At)
            .ThenBy(s => s.Event is null); // stable: ties keep the people's order and each person's event order

    private static IEnumerable<SimulationStep> StepsOf(int person, SimulationInput input, TimeShift shift, TimeSpan settle)
    {
        var last = DateTimeOffset.MinValue;
        foreach (var e in input.Events.Select(shift.Forward))
        {
            last = e.At;
            yield return new SimulationStep(e.At, person, e);
        }

        var until = NorwegianTime.StartOf(shift.Forward(input.Until)) + settle;
        yield return new SimulationStep(until > last ? until : last, person, Event: null);
    }
}

/// <summary>At <see cref="At"/>, deliver <see cref="Event"/> to person <see cref="Person"/> (an index), or read the
/// person's cases when there is no event.</summary>
internal sealed record SimulationStep(DateTimeOffset At, int Person, CaseEvent? Event);
