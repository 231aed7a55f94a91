using System.Globalization;
using CaseThroughput.Benchmark;
using Sykefravaer.Activities;
using Sykefravaer.Activities.InMemory;
using Sykefravaer.Testing;
using Sykefravaer.Testing.Diagnostics;
using Sykefravaer.Workflows;
using Temporalio.Worker;

// Full-year simulation throughput: N whole cases (52 weeks, every milestone) run concurrently through one worker on
// the offline Temporal server with time skipping. Usage: dotnet run -c Release --project benchmarks/CaseThroughput.Benchmark [-- N]
const int DefaultCases = 1000;
var cases = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : DefaultCases;
if (cases < 1)
{
    Console.Error.WriteLine("The number of cases must be at least 1.");
    return 2;
}

// TEMPORAL_TEST_SERVER may name another time-skipping server (see Sykefravaer.Testing); the default is the offline one.
await using var server = await TemporalTestServer.StartAsync();
if (!server.SupportsTimeSkipping)
{
    Console.Error.WriteLine($"A year per case needs a time-skipping server; {TemporalTestEnvironmentVariables.Server} selects {server.Kind}.");
    return 2;
}

var serverPid = ProcessMemory.ChildRunning("temporal-test-server");
var effects = new InMemoryCaseEffects();
var taskQueue = $"throughput-{Guid.NewGuid():N}";
var workerOptions = new TemporalWorkerOptions(taskQueue).AddWorkflow<OppfolgingstilfelleWorkflow>().AddAllActivities(new CaseActivities(effects));
using var worker = new TemporalWorker(server.Client, workerOptions);

var result = await worker.ExecuteAsync(() => new ThroughputRun(server.Client, new VirtualTime(server), taskQueue).RunAsync(cases));

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    Full-year case throughput ({server.Kind} server, time skipping; one worker; {Environment.ProcessorCount} cores)
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
return result.CasesAsExpected == result.Cases ? 0 : 1;

// CPU seconds say more than wall time on a machine shared with other builds: the cost of the whole run.
static string CpuSeconds(int pid)
{
    using var process = System.Diagnostics.Process.GetProcessById(pid);
    return string.Create(CultureInfo.InvariantCulture, $"{process.TotalProcessorTime.TotalSeconds:F1} s");
}

