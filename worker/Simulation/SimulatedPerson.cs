namespace Sykefravaer.Worker.Simulation;

/// <summary>One person of a simulated population: the pseudonym whose workflow ID the events go to, and the
/// person's history.</summary>
public sealed record SimulatedPerson(string PersonRef, SimulationInput Input);
