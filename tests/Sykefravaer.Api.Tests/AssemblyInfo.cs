namespace Sykefravaer.Api.Tests;
