using System.Diagnostics;
using System.Globalization;
using Sykefravaer.Testing.Diagnostics;
using Sykefravaer.Workflows.Replay;
using Temporalio.Common;

// Replays N recorded case histories (default 1,000: the corpus of tests/histories repeated) against this build's
// workflow code with WorkflowReplayer, as the replay tests do, and prints wall time, histories per second and peak
// memory. Target (issue 4): 1,000 histories in at most 10 s.
// Run: dotnet run -c Release --project benchmarks/Replay.Benchmark -- [N] [REPLAYERS]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
// One replayer works through its histories one at a time, and much of each replay is waiting on the native core:
// a few replayers side by side keep both cores of the build machine busy.
var replayers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2 * Environment.ProcessorCount;

var corpus = new List<WorkflowHistory>();
foreach (var file in CaseHistoryFiles.Expand([Path.Combine(AppContext.BaseDirectory, "histories")]))
{
    corpus.Add(await CaseHistoryFiles.LoadAsync(file));
}

var histories = Enumerable.Range(0, count).Select(i => corpus[i % corpus.Count]).ToList();
var events = histories.Sum(h => h.Events.Count);

// One history first, so that the figures leave out loading the native core and JIT-compiling the replayer.
await CaseReplayer.ReplayAsync([corpus[0]]);

var clock = Stopwatch.StartNew();
var shares = histories.Chunk((count + replayers - 1) / replayers);
var results = (await Task.WhenAll(shares.Select(share => Task.Run(() => CaseReplayer.ReplayAsync(share))))).SelectMany(r => r).ToList();
clock.Stop();

var failures = results.Count(r => r.ReplayFailure is not null);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    Replay benchmark: {count} histories ({corpus.Count} distinct, from tests/histories/recorded; {events} events in all), {replayers} replayers, {Environment.ProcessorCount} cores
      wall time     {clock.Elapsed.TotalSeconds:F2} s
      throughput    {count / clock.Elapsed.TotalSeconds:F0} histories/s, {events / clock.Elapsed.TotalSeconds:F0} events/s
      peak memory   {ProcessMemory.DescribePeak(Environment.ProcessId)}
      failures      {failures}
    """));
return failures == 0 ? 0 : 1;
