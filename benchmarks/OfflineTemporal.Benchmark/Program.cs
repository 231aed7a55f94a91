using System.Globalization;
using OfflineTemporal.Benchmark;
using Sykefravaer.Testing;
using Sykefravaer.Testing.Diagnostics;

// Usage: dotnet run -c Release --project benchmarks/OfflineTemporal.Benchmark -- [cases=1000] [updates=2000]
// The server is the one TEMPORAL_TEST_SERVER selects (default: the offline server with time skipping).
var cases = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var updates = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;

await using var server = await TemporalTestServer.StartAsync();
var serverPid = ServerPid(server);
Console.WriteLine($"server: {server.Kind}, time skipping {(server.SupportsTimeSkipping ? "on" : "off")}, pid {serverPid?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}");

var cpuBefore = (Benchmark: CpuTime.OfProcess(Environment.ProcessId), Server: serverPid is { } before ? CpuTime.OfProcess(before) : null);
var load = await CaseLoad.RunAsync(server.Client, cases);
var cpuAfter = (Benchmark: CpuTime.OfProcess(Environment.ProcessId), Server: serverPid is { } after ? CpuTime.OfProcess(after) : null);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    cases:                    {load.Workflows} (each {CaseLikeWorkflow.Milestones} timers over 52 weeks, {CaseLikeWorkflow.Milestones} activities, {CaseLikeWorkflow.ExpectedEvents} signals)
    wall time:                {load.Wall.TotalSeconds:F1} s
    workflow tasks:           {load.WorkflowTasks} ({load.WorkflowTasks / load.Wall.TotalSeconds:F0} per second)
    history events:           {load.HistoryEvents} ({load.HistoryEvents / load.Wall.TotalSeconds:F0} per second)
    cpu time, server:         {CpuTime.Describe(cpuAfter.Server - cpuBefore.Server)}
    cpu time, benchmark:      {CpuTime.Describe(cpuAfter.Benchmark - cpuBefore.Benchmark)} (client and worker)
    load average at the end:  {File.ReadAllText("/proc/loadavg").Split(' ')[0]}
    """));

var cost = await TaskCostByHistoryLength.RunAsync(server.Client, updates);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    one workflow, {cost.Updates} updates in sequence (one workflow task each):
      first tenth:            {cost.FirstTenth.TotalMilliseconds:F2} ms per task (history length {cost.HistoryLengthAtFirst})
      last tenth:             {cost.LastTenth.TotalMilliseconds:F2} ms per task (history length {cost.HistoryLengthAtLast})
      last / first:           {cost.LastTenth / cost.FirstTenth:F2}
    """));

Console.WriteLine($"peak memory, benchmark:   {ProcessMemory.DescribePeak(Environment.ProcessId)}");
Console.WriteLine($"peak memory, server:      {ProcessMemory.DescribePeak(serverPid)}");

// The SDK starts the server on a free loopback port; the client's target host names it.
static int? ServerPid(TemporalTestServer server)
{
    var targetHost = server.Client.Connection.Options.TargetHost;
    var port = targetHost?[(targetHost.LastIndexOf(':') + 1)..];
    return int.TryParse(port, CultureInfo.InvariantCulture, out var number) ? ListeningProcess.OnPort(number) : null;
}
