using Sykefravaer.Activities.Commands;
using Sykefravaer.Activities.Projection;
using Temporalio.Common;

namespace Sykefravaer.Worker.Simulation;

/// <summary>What a simulation produced, still in the shifted time it ran in (see <see cref="Shift"/>).</summary>
/// <param name="Cases">Each case as its workflow shows it at the end, in the order the cases started.</param>
/// <param name="Histories">The Temporal history of every run of the person's workflow, oldest first; empty unless
/// asked for.</param>
public sealed record SimulatedHistory(TimeShift Shift, IReadOnlyList<CaseProjection> Cases, IReadOnlyList<WorkflowHistory> Histories);
