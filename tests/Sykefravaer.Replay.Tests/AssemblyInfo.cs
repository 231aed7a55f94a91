namespace Sykefravaer.Replay.Tests;
