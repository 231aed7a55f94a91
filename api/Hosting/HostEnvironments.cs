namespace Sykefravaer.Api.Hosting;

/// <summary>The environments the API tells apart beside ASP.NET Core's own (Development, Staging, Production).</summary>
public static class HostEnvironments
{
    /// <summary>The environment the test suites run the API in: like Production (their tokens are RSA-signed, from a
    /// JWKS), except that signing keys may be fetched over plain http from a local identity provider on loopback.</summary>
    public const string Test = "Test";

    public static bool IsTest(this IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.IsEnvironment(Test);
    }
}
