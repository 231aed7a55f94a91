namespace Sykefravaer.Testing;
