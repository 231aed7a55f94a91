namespace Sykefravaer.Embedded.Postgres;

/// <summary>
/// The operating-system user the cluster runs as. PostgreSQL refuses to run as root, and CI runs as root: then the
/// cluster belongs to the <c>postgres</c> user that Debian's package creates, and its programs run through runuser.
/// Anyone else runs the cluster as themselves.
/// </summary>
internal sealed class ClusterUser
{
    private const string ServiceUser = "postgres";

    private ClusterUser(string? switchTo) => SwitchTo = switchTo;

    /// <summary>Gets the user to switch to, or null to run as the current user.</summary>
    public string? SwitchTo { get; }

    public static ClusterUser ForCurrentProcess() =>
        Environment.UserName == "root" ? new ClusterUser(ServiceUser) : new ClusterUser(null);

    /// <summary>Runs one of the cluster's programs as the cluster's user.</summary>
    public Task<CommandResult> RunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        SwitchTo is null
            ? CommandRunner.RunAsync(program, arguments, cancellationToken)
            : CommandRunner.RunAsync("runuser", ["-u", SwitchTo, "--", program, .. arguments], cancellationToken);

    /// <summary>Hands <paramref name="dataDirectory"/> to the cluster's user, and checks it can reach it: every parent
    /// folder must be searchable by that user (a folder under /root is not).</summary>
    public async Task TakeOwnershipAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        if (SwitchTo is null)
        {
            return;
        }

        if (!File.ReadLines("/etc/passwd").Any(line => line.StartsWith(SwitchTo + ":", StringComparison.Ordinal)))
        {
            throw new PrivatePostgresException(
                $"Running as root, so the cluster must run as the '{SwitchTo}' user, which does not exist. "
                + "Install Debian's postgresql package (it creates the user), or run as an ordinary user.");
        }

        await RequireAsync(
            CommandRunner.RunAsync("chown", ["-R", $"{SwitchTo}:{SwitchTo}", dataDirectory], cancellationToken),
            $"Could not hand {dataDirectory} to the '{SwitchTo}' user").ConfigureAwait(false);
        await RequireAsync(
            RunAsync("test", ["-w", dataDirectory, "-a", "-x", dataDirectory], cancellationToken),
            $"The '{SwitchTo}' user cannot reach {dataDirectory}: every folder above it must be searchable by that user. "
            + "Choose a data folder outside /root (e.g. under /var/lib or /tmp)").ConfigureAwait(false);
    }

    private static async Task RequireAsync(Task<CommandResult> command, string failure)
    {
        var result = await command.ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new PrivatePostgresException($"{failure}. {result.Output}".Trim());
        }
    }
}
