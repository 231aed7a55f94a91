namespace Sykefravaer.Workflows.Tests;
