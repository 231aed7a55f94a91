namespace Sykefravaer.Api.Tests.Infrastructure;

/// <summary>What a host that refused to start said, with every inner exception's message: the refusal is often
/// wrapped by the host's start-up.</summary>
internal static class StartupErrors
{
    public static string Messages(Exception error) =>
        error.InnerException is null ? error.Message : error.Message + " | " + Messages(error.InnerException);
}
