using Sykefravaer.Embedded.Access;

namespace Sykefravaer.Api.Tests.Infrastructure;

/// <summary>The access service every API under test asks: a real HTTP server on loopback that lets everyone see
/// everyone until a test denies a veileder (tests use veileder idents of their own, so they do not meet).</summary>
public static class TestAccess
{
    public static LoopbackAccessService Service { get; } = LoopbackAccessService.Start();
}
