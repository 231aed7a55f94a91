using System.Globalization;
using System.Net;

namespace Sykefravaer.OfflineTemporal.Hosting;

/// <summary>
/// Reads the two command lines the Temporal SDK uses to launch its ephemeral servers, so this executable can stand
/// in for either: <c>temporal-test-server &lt;port&gt; [extra…]</c> (time skipping) and
/// <c>temporal server start-dev --port N --namespace X --ip A … </c> (real time). The dev server's
/// <c>--db-filename</c> and <c>--sqlite-pragma</c> make its state durable, as they do the CLI's;
/// <c>--dynamic-config-value</c> sets the continue-as-new suggestion's limits (<see cref="Engine.History.HistoryLimits"/>)
/// and is otherwise ignored, as are the flags that only matter to the real dev server (UI, log format), because
/// nothing here serves a UI.
/// </summary>
internal static class ServerCommandLine
{
    public const string Usage =
        "usage: temporal-test-server <port> [--db-filename <file>] [ignored…]\n" +
        "       temporal-test-server server start-dev --port <port> [--ip <address>] [--namespace <name>]… " +
        "[--search-attribute <name>=<type>]… [--db-filename <file>] [--sqlite-pragma <name>=<value>]… [--parent-pid <pid>] [other dev-server flags, ignored]";

    // Dev-server flags that take a value we have no use for; listed so their values are not mistaken for flags.
    private static readonly HashSet<string> IgnoredFlagsWithValue = new(StringComparer.Ordinal)
    {
        "--ui-port", "--ui-ip", "--ui-asset-path", "--ui-codec-endpoint", "--log-format",
        "--log-level", "--config", "-c", "--http-port", "--metrics-port", "--sqlite-pragma",
        "--log-config", "--tls-cert-path", "--tls-key-path", "--tls-ca-path", "--ui-public-path", "--env", "--grpc-port",
    };

    public static ServerSettings Parse(IReadOnlyList<string> args)
    {
        if (args.Count >= 2 && args[0] == "server" && args[1] == "start-dev")
        {
            return ParseDevServer(args.Skip(2).ToList());
        }
        if (args.Count >= 1 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            // The test server takes the port first; the SDK may append extra arguments of its own, ignored here,
            // except ours: --db-filename (and --sqlite-pragma) make it durable too, virtual time included, and
            // --dynamic-config-value sets the continue-as-new suggestion's limits as on the dev server.
            var file = ValuesOf(args, "--db-filename").LastOrDefault();
            var pragmas = ValuesOf(args, "--sqlite-pragma").Select(Pragma).ToDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);
            var limits = ValuesOf(args, "--dynamic-config-value").Aggregate(Engine.History.HistoryLimits.Default, WithDynamicConfig);
            return new ServerSettings(null, port, TimeSkipping: true, ["default"], new Dictionary<string, string>(), file, pragmas, HistoryLimits: limits);
        }
        throw new ArgumentException(Usage);
    }

    private static ServerSettings ParseDevServer(List<string> args)
    {
        var port = 7233;
        IPAddress? address = IPAddress.Loopback;
        var namespaces = new List<string> { "default" };
        var searchAttributes = new Dictionary<string, string>(StringComparer.Ordinal);
        string? dbFilename = null;
        var killAfterWrites = 0;
        int? parentPid = null;
        var pragmas = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var historyLimits = Engine.History.HistoryLimits.Default;
        for (var i = 0; i < args.Count; i++)
        {
            var (flag, inlineValue) = SplitInlineValue(args[i]);
            string Value() => inlineValue ?? (++i < args.Count ? args[i] : throw new ArgumentException($"{flag} needs a value\n{Usage}"));
            switch (flag)
            {
                case "--port" or "-p":
                    port = int.Parse(Value(), CultureInfo.InvariantCulture);
                    break;
                case "--ip":
                    var ip = Value();
                    address = ip is "localhost" ? IPAddress.Loopback : IPAddress.Parse(ip);
                    break;
                case "--namespace" or "-n":
                    namespaces.Add(Value());
                    break;
                case "--search-attribute":
                    var definition = Value();
                    var separator = definition.IndexOf('=', StringComparison.Ordinal);
                    if (separator <= 0)
                    {
                        throw new ArgumentException($"--search-attribute expects name=type, got '{definition}'");
                    }
                    searchAttributes[definition[..separator]] = definition[(separator + 1)..];
                    break;
                case "--db-filename" or "-f":
                    dbFilename = Value();
                    break;
                case "--parent-pid":
                    parentPid = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "--kill-after-writes":
                    killAfterWrites = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "--sqlite-pragma":
                    var (name, value) = Pragma(Value());
                    pragmas[name] = value;
                    break;
                case "--dynamic-config-value":
                    historyLimits = WithDynamicConfig(historyLimits, Value());
                    break;
                default:
                    if (IgnoredFlagsWithValue.Contains(flag) && inlineValue is null)
                    {
                        i++;
                    }
                    // Anything else (--headless, unknown switches) is harmless to ignore for an in-memory server.
                    break;
            }
        }
        if (pragmas.Count > 0 && dbFilename is null)
        {
            throw new ArgumentException("--sqlite-pragma needs --db-filename: an in-memory server has no file to tune");
        }
        if (killAfterWrites > 0 && dbFilename is null)
        {
            throw new ArgumentException("--kill-after-writes needs --db-filename");
        }
        return new ServerSettings(
            address, port, TimeSkipping: false, namespaces.Distinct().ToList(), searchAttributes, dbFilename, pragmas, killAfterWrites, parentPid, historyLimits);
    }

    /// <summary><c>KEY=VALUE</c> as the CLI takes it (the value in JSON: a number here). Only the continue-as-new
    /// limits mean anything to this server; any other key is accepted and ignored, as the flag's other uses are.</summary>
    private static Engine.History.HistoryLimits WithDynamicConfig(Engine.History.HistoryLimits limits, string setting)
    {
        var equals = setting.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"--dynamic-config-value expects KEY=VALUE, got '{setting}'");
        }
        var key = setting[..equals];
        var isLimit = string.Equals(key, Engine.History.HistoryLimits.EventsKey, StringComparison.OrdinalIgnoreCase)
            || string.Equals(key, Engine.History.HistoryLimits.BytesKey, StringComparison.OrdinalIgnoreCase);
        if (!isLimit)
        {
            return limits;
        }
        if (!long.TryParse(setting[(equals + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw new ArgumentException($"--dynamic-config-value {key} must be a positive whole number, got '{setting[(equals + 1)..]}'");
        }
        return string.Equals(key, Engine.History.HistoryLimits.EventsKey, StringComparison.OrdinalIgnoreCase)
            ? limits with { SuggestContinueAsNewEvents = value }
            : limits with { SuggestContinueAsNewBytes = value };
    }

    private static (string Name, string Value) Pragma(string pragma)
    {
        var equals = pragma.IndexOf('=', StringComparison.Ordinal);
        return equals > 0
            ? (pragma[..equals], pragma[(equals + 1)..])
            : throw new ArgumentException($"--sqlite-pragma expects name=value, got '{pragma}'");
    }

    private static IEnumerable<string> ValuesOf(IReadOnlyList<string> args, string flag)
    {
        for (var i = 1; i < args.Count - 1; i++)
        {
            if (args[i] == flag)
            {
                yield return args[++i];
            }
        }
    }

    private static (string Flag, string? InlineValue) SplitInlineValue(string arg)
    {
        var separator = arg.StartsWith("--", StringComparison.Ordinal) ? arg.IndexOf('=', StringComparison.Ordinal) : -1;
        return separator > 0 ? (arg[..separator], arg[(separator + 1)..]) : (arg, null);
    }
}
