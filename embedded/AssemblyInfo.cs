namespace Sykefravaer.Embedded;
