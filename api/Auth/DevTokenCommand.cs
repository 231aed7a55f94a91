using System.Globalization;

namespace Sykefravaer.Api.Auth;

/// <summary>
/// <c>dotnet run --project api -- token --role veileder [--role events.write] [--sub NAME] [--minutes N]</c>:
/// prints a bearer token signed with the development key (appsettings.Development.json, or Auth__SigningKey).
/// Reads the Development settings unless ASPNETCORE_ENVIRONMENT says otherwise.
/// </summary>
public static class DevTokenCommand
{
    private const string Usage = "usage: token --role events.write|veileder|operator [--role ...] [--sub NAME] [--minutes N]";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var roles = new List<string>();
        var subject = "dev-user";
        var minutes = 60;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--role" when value is not null:
                    roles.Add(value);
                    i++;
                    break;
                case "--sub" when value is not null:
                    subject = value;
                    i++;
                    break;
                case "--minutes" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out minutes) && minutes > 0:
                    i++;
                    break;
                default:
                    error.WriteLine(Usage);
                    return 2;
            }
        }

        if (roles.Count == 0)
        {
            error.WriteLine(Usage);
            return 2;
        }

        var settings = LoadSettings();
        try
        {
            output.WriteLine(DevTokens.Mint(settings, roles, subject, TimeSpan.FromMinutes(minutes), DateTimeOffset.UtcNow));
            return 0;
        }
        catch (InvalidOperationException notConfigured)
        {
            error.WriteLine(notConfigured.Message);
            return 1;
        }
    }

    private static AuthSettings LoadSettings()
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? "Development";
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        return configuration.GetSection(AuthSettings.Section).Get<AuthSettings>() ?? new AuthSettings();
    }
}
