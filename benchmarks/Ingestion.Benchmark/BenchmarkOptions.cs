using System.Globalization;
using Sykefravaer.Hosting;

namespace Ingestion.Benchmark;

/// <summary><c>--rate N</c> events per second offered, <c>--seconds N</c> measured after <c>--warmup N</c> seconds
/// (long enough by default for the JIT to finish optimising the hot paths, which takes about a minute here),
/// over <c>--people N</c> distinct people (so most events start a case and some continue one), with the worker caching
/// <c>--cache N</c> workflows;
/// <c>--no-worker</c> measures the API and Temporal alone.</summary>
internal sealed record BenchmarkOptions(int Rate, int Seconds, int Warmup, int People, int Cache, bool Worker = true)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions(Rate: 510, Seconds: 30, Warmup: 60, People: 20_000, Cache: EngineSettings.DefaultMaxCachedWorkflows);
        if (args.Contains("--no-worker"))
        {
            options = options with { Worker = false };
            args = [.. args.Where(a => a != "--no-worker")];
        }

        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--rate" => options with { Rate = value },
                "--seconds" => options with { Seconds = value },
                "--warmup" => options with { Warmup = value },
                "--people" => options with { People = value },
                "--cache" => options with { Cache = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --rate, --seconds, --warmup, --people, --cache."),
            };
        }

        return options;
    }
}
