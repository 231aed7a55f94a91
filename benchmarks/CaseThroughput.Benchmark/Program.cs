using System.Globalization;
using CaseThroughput.Benchmark;
using Sykefravaer.Activities;
using Sykefravaer.Persistence.InMemory;
using Sykefravaer.Testing;
using Sykefravaer.Testing.Diagnostics;
using Sykefravaer.Workflows;
using Temporalio.Worker;

// Full-year simulation throughput: N whole cases (52 weeks, every milestone) run concurrently through one worker on
// the offline Temporal server with time skipping. Usage:
//   dotnet run -c Release --project benchmarks/CaseThroughput.Benchmark [-- N] [--durable [--synchronous FULL|NORMAL]] [--domain]
// --domain steps the same cases through the pure domain alone, without Temporal (see DomainRun).
// --durable runs the same load twice in one process, first on the in-memory server and then on one that writes
// every change to a database file (--db-filename), and prints the second beside the first as a ratio. (CPU time and
// peak memory are the process's: the second run's include the first's.)
const int DefaultCases = 1000;
var durable = args.Contains("--durable");
var synchronousAt = Array.IndexOf(args, "--synchronous");
var synchronous = synchronousAt >= 0 && synchronousAt + 1 < args.Length ? args[synchronousAt + 1] : "FULL";
var numbers = args.Where((arg, i) => arg.All(char.IsAsciiDigit) && (synchronousAt < 0 || i != synchronousAt + 1)).ToList();
var cases = numbers.Count > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : DefaultCases;
if (cases < 1)
{
    Console.Error.WriteLine("The number of cases must be at least 1.");
    return 2;
}

if (args.Contains("--domain"))
{
    return DomainRun.Run(cases);
}

if (durable)
{
    // Both measurements then run on a warm runtime (JIT, thread pool), so the ratio compares storage, not start-up.
    await MeasureAsync(Math.Min(cases, 50), dbFilename: null, print: false);
}
var inMemory = await MeasureAsync(cases, dbFilename: null);
if (inMemory is null)
{
    return 2;
}
if (!durable)
{
    return inMemory.CasesAsExpected == inMemory.Cases ? 0 : 1;
}

var folder = Directory.CreateTempSubdirectory("case-throughput-durable-");
try
{
    var file = Path.Combine(folder.FullName, "temporal.db");
    var onDisk = (await MeasureAsync(cases, file, synchronous: synchronous))!;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
        Durable (synchronous={synchronous}) against in-memory, same load, same process ({Environment.ProcessorCount} cores, {Environment.OSVersion})
          wall time             {onDisk.Wall.TotalSeconds:F1} s against {inMemory.Wall.TotalSeconds:F1} s: x{onDisk.Wall / inMemory.Wall:F2}
          cases/s               {onDisk.CasesPerSecond:F1} against {inMemory.CasesPerSecond:F1}: x{onDisk.CasesPerSecond / inMemory.CasesPerSecond:F2}
          database file         {new FileInfo(file).Length / 1_048_576.0:F1} MiB ({new FileInfo(file).Length / (double)cases / 1024:F1} KiB per case), write-ahead log {WalSize(file)}
        """));
    return inMemory.CasesAsExpected == inMemory.Cases && onDisk.CasesAsExpected == onDisk.Cases ? 0 : 1;
}
finally
{
    folder.Delete(recursive: true);
}

static async Task<ThroughputResult?> MeasureAsync(int cases, string? dbFilename, bool print = true, string synchronous = "FULL")
{
    // TEMPORAL_TEST_SERVER may name another time-skipping server (see Sykefravaer.Testing); the default is the offline one.
    await using var server = await TemporalTestServer.StartAsync(new TemporalTestServerOptions
    {
        DbFilename = dbFilename,
        SqlitePragmas = new Dictionary<string, string> { ["synchronous"] = synchronous },
    });
    if (!server.SupportsTimeSkipping)
    {
        Console.Error.WriteLine($"A year per case needs a time-skipping server; {TemporalTestEnvironmentVariables.Server} selects {server.Kind}.");
        return null;
    }

    var serverPid = ProcessMemory.ChildRunning("temporal-test-server");
    var effects = new InMemoryCaseEffects();
    var taskQueue = $"throughput-{Guid.NewGuid():N}";
    var workerOptions = new TemporalWorkerOptions(taskQueue).AddWorkflow<OppfolgingstilfelleWorkflow>().AddAllActivities(new CaseActivities(effects));
    using var worker = new TemporalWorker(server.Client, workerOptions);

    var result = await worker.ExecuteAsync(() => new ThroughputRun(server.Client, new VirtualTime(server), taskQueue).RunAsync(cases));
    if (!print)
    {
        return result;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
        Full-year case throughput ({server.Kind} server, time skipping, {(dbFilename is null ? "in memory" : "durable: every change written to " + dbFilename)}; one worker; {Environment.ProcessorCount} cores)
          cases                 {result.Cases} ({result.CasesAsExpected} closed at MAKSDATO with every milestone fired)
          wall time             {result.Wall.TotalSeconds:F1} s
          cases/s               {result.CasesPerSecond:F1}
          workflow tasks        {result.Tally.WorkflowTasks} ({(double)result.Tally.WorkflowTasks / result.Cases:F1} per case), {result.WorkflowTasksPerSecond:F0}/s
          activities            {result.Tally.Activities} ({(double)result.Tally.Activities / result.Cases:F1} per case), {result.ActivitiesPerSecond:F0}/s
          history events        {(double)result.Tally.HistoryEvents / result.Cases:F0} per case in {(double)result.Tally.Runs / result.Cases:F1} run(s)
          notices / tasks       {effects.Notices.Count} / {effects.Tasks.Count}
          peak memory (VmHWM)   benchmark + worker {ProcessMemory.DescribePeak(Environment.ProcessId)}, server {ProcessMemory.DescribePeak(serverPid)}
          CPU time (user + sys) benchmark + worker {CpuSeconds(Environment.ProcessId)}, server {(serverPid is { } spid ? CpuSeconds(spid) : "n/a")}
        """));
    return result;
}

// CPU seconds say more than wall time on a machine shared with other builds: the cost of the whole run.
static string CpuSeconds(int pid)
{
    using var process = System.Diagnostics.Process.GetProcessById(pid);
    return string.Create(CultureInfo.InvariantCulture, $"{process.TotalProcessorTime.TotalSeconds:F1} s");
}

static string WalSize(string file) =>
    File.Exists(file + "-wal") ? string.Create(CultureInfo.InvariantCulture, $"{new FileInfo(file + "-wal").Length / 1_048_576.0:F1} MiB") : "none";
