using System.Diagnostics;
using System.Globalization;
using Ingestion.Benchmark;
using Sykefravaer.Api.Auth;
using Sykefravaer.Testing.Diagnostics;

// Sustained event ingestion through the HTTP API with the whole engine on this machine. See BENCHMARKS.md.
var options = BenchmarkOptions.Parse(args);
Console.WriteLine($"Starting PostgreSQL, the offline Temporal server (real time), a worker and the API ({Environment.ProcessorCount} cores) ...");
await using var engine = await Engine.StartAsync(options.Worker, options.Cache);
var people = SyntheticPeople.Create(options.People);
var token = DevTokens.Mint(
    new AuthSettings { Issuer = "benchmark", Audience = "benchmark", SigningKey = Engine.SigningKey },
    [ApiRoles.EventsWrite], "ingestion-benchmark", TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = engine.Address };
var load = new LoadGenerator(http, token, people);

Console.WriteLine($"Warm-up: {options.Warmup} s at {options.Rate} events/s");
await load.RunAsync(options.Rate, TimeSpan.FromSeconds(options.Warmup));

Console.WriteLine($"Measuring: {options.Seconds} s at {options.Rate} events/s offered, sykmeldinger over {options.People} people");
var result = await load.RunAsync(options.Rate, TimeSpan.FromSeconds(options.Seconds));

var statuses = string.Join(", ", result.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    sent            {result.Sent} events in {result.Elapsed.TotalSeconds:F1} s (answers: {statuses})
    throughput      {result.Throughput:F0} events/s accepted (202)
    latency p50     {result.Percentile(50):F1} ms
    latency p99     {result.Percentile(99):F1} ms
    latency max     {result.Percentile(100):F1} ms
    """));

// The worker applies the events after the API has answered; how far behind it is says whether the rate is sustainable.
var catchUp = Stopwatch.StartNew();
var pending = await WorkerBacklogAsync();
while (pending > 0 && catchUp.Elapsed < TimeSpan.FromMinutes(2))
{
    await Task.Delay(500);
    pending = await WorkerBacklogAsync();
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"worker          {(pending == 0 ? "caught up" : $"{pending} people still without a case projection")} {catchUp.Elapsed.TotalSeconds:F1} s after the load stopped"));
Console.WriteLine($"peak memory     {ProcessMemory.DescribePeak(Environment.ProcessId)} (API, worker and load generator)");
var target = result.Throughput >= 500 && result.Percentile(99) <= 100;
Console.WriteLine($"target (>= 500 events/s with p99 <= 100 ms): {(target ? "met" : "NOT met")}");
return target ? 0 : 1;

async Task<long> WorkerBacklogAsync() => await engine.Database.ScalarAsync(
    "SELECT count(DISTINCT a.person_ref) FROM accepted_event a WHERE NOT EXISTS (SELECT 1 FROM case_projection p WHERE p.person_ref = a.person_ref)");
