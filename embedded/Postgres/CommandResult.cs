namespace Sykefravaer.Embedded.Postgres;

/// <summary>How a finished command ended, with everything it printed.</summary>
internal sealed record CommandResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}
