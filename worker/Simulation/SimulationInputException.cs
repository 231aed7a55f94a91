namespace Sykefravaer.Worker.Simulation;

/// <summary>The simulate input is wrong; the message names where (e.g. <c>events[1] (id "op-1")</c>) and the field.</summary>
public sealed class SimulationInputException : Exception
{
    public SimulationInputException(string message)
        : base(message)
    {
    }

    public SimulationInputException()
    {
    }

    public SimulationInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
