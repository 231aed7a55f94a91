using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Ingestion.Benchmark;

/// <summary>
/// Offers events at a fixed rate (open loop): each request is sent at its scheduled moment whether or not earlier
/// ones have been answered, and its latency counts from that moment, so a slow server cannot hide its queueing by
/// slowing the generator down (coordinated omission).
/// </summary>
internal sealed class LoadGenerator(HttpClient http, string token, string[] people)
{
    private long _sequence;

    public async Task<LoadResult> RunAsync(int rate, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        var statuses = new ConcurrentDictionary<int, int>();
        var inFlight = new List<Task>();
        var total = (int)(rate * duration.TotalSeconds);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            inFlight.Add(SendOneAsync(clock, due, latencies, statuses));
        }

        await Task.WhenAll(inFlight);
        var elapsed = clock.Elapsed;
        return new LoadResult(total, elapsed, [.. latencies.Order()], statuses.ToDictionary());
    }

    private async Task SendOneAsync(Stopwatch clock, TimeSpan due, ConcurrentBag<double> latencies, ConcurrentDictionary<int, int> statuses)
    {
        var n = Interlocked.Increment(ref _sequence);
        var fnr = people[Random.Shared.Next(people.Length)];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var body = string.Create(CultureInfo.InvariantCulture,
            $$"""{"id":"bench-sm-{{n}}-{{Guid.NewGuid():N}}","fnr":"{{fnr}}","fom":"{{today:yyyy-MM-dd}}","tom":"{{today.AddDays(14):yyyy-MM-dd}}","grad":100,"orgnr":"974652269"}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events/sykmelding")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        int status;
        try
        {
            using var response = await http.SendAsync(request);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            status = 0;
        }

        latencies.Add((clock.Elapsed - due).TotalMilliseconds);
        statuses.AddOrUpdate(status, 1, (_, count) => count + 1);
    }
}

/// <summary>What one run measured; latencies sorted, in milliseconds.</summary>
internal sealed record LoadResult(int Sent, TimeSpan Elapsed, double[] LatenciesMs, Dictionary<int, int> Statuses)
{
    public double Throughput => Statuses.GetValueOrDefault(202) / Elapsed.TotalSeconds;

    public double Percentile(double p) => LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[(int)Math.Min(LatenciesMs.Length - 1, Math.Ceiling(p / 100 * LatenciesMs.Length) - 1)];
}
