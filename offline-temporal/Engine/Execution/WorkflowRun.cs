using Google.Protobuf.WellKnownTypes;
using Temporalio.Api.Common.V1;
using Temporalio.Api.Enums.V1;
using Sykefravaer.OfflineTemporal.Engine.History;
using Sykefravaer.OfflineTemporal.Engine.Time;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>
/// One run of a workflow: its history, the state derived from it, and the rules for how requests, worker responses
/// and alarms change it. The state is kept by parts that each own one concern (the fields below); the rules, which
/// mostly touch several parts and the history at once, are here, one partial file per group of calls.
/// </summary>
/// <remarks>
/// All runs of one workflow id share one lock (<see cref="WorkflowChain.Gate"/>), taken by every public member;
/// private members expect it held, and the parts are not thread-safe because they are reached only through here.
/// Public members that change state go through <see cref="Change{T}"/>, which also keeps the
/// <see cref="WorkTracker"/> (and so time skipping) informed of whether the run has work outstanding.
/// </remarks>
internal sealed partial class WorkflowRun
{
    private readonly TemporalEngine engine;
    private readonly WorkflowChain chain;

    private readonly ActivityTable activities = new();
    private readonly TimerTable timers = new();
    private readonly WorkflowTaskSequence workflowTasks = new();
    private readonly InputBuffer buffered = new();
    private readonly PendingQueries queries = new();
    private readonly UpdateRegistry updates = new();
    private readonly RunLifecycle lifecycle = new();
    private readonly SavedProgress saved = new();

    /// <param name="runId">Given when a run is restored from the durable store; a new run gets a new id.</param>
    /// <param name="startTime">Given with <paramref name="runId"/>; a new run starts now.</param>
    public WorkflowRun(TemporalEngine engine, WorkflowChain chain, StartParameters start, string? runId = null, DateTime? startTime = null)
    {
        this.engine = engine;
        this.chain = chain;
        Start = start;
        RunId = runId ?? Guid.NewGuid().ToString();
        FirstExecutionRunId = start.FirstExecutionRunId ?? RunId;
        StartTime = startTime ?? engine.Clock.Now;
        ExecutionTime = StartTime + start.FirstTaskDelay;
        Memo = start.Memo?.Clone() ?? new Memo();
        SearchAttributes = start.SearchAttributes?.Clone() ?? new SearchAttributes();
        WorkflowTaskTimeout = start.WorkflowTaskTimeout > TimeSpan.Zero ? start.WorkflowTaskTimeout : TimeSpan.FromSeconds(10);
        ExecutionExpiration = start.ExecutionExpiration
            ?? (start.ExecutionTimeout > TimeSpan.Zero ? StartTime + start.ExecutionTimeout : null);
    }

    public StartParameters Start { get; }

    public string Namespace => Start.Namespace;

    public string WorkflowId => Start.WorkflowId;

    public string RunId { get; }

    public string FirstExecutionRunId { get; }

    public WorkflowType WorkflowType => Start.WorkflowType;

    public string TaskQueue => Start.TaskQueue;

    public DateTime StartTime { get; }

    public DateTime ExecutionTime { get; }

    public DateTime? CloseTime { get; private set; }

    public DateTime? ExecutionExpiration { get; }

    public TimeSpan WorkflowTaskTimeout { get; }

    public Memo Memo { get; }

    public SearchAttributes SearchAttributes { get; }

    /// <summary>Read without the lock only as a snapshot (an enum write is atomic).</summary>
    public WorkflowExecutionStatus Status { get; private set; } = WorkflowExecutionStatus.Running;

    public bool IsOpen => Status == WorkflowExecutionStatus.Running;

    /// <summary>The run that continued this one, if it closed by continue-as-new.</summary>
    public string? NextRunId { get; private set; }

    public WorkflowExecution Execution => new() { WorkflowId = WorkflowId, RunId = RunId };

    internal Lock Gate => chain.Gate;

    private HistoryLog History { get; } = new();

    private DateTime Now => engine.Clock.Now;

    /// <summary>True while a worker holds, or should pick up, a task for this run.</summary>
    private bool HasOutstandingWork =>
        workflowTasks.Current is not null || activities.HasDispatched || queries.HasQueryTasks;

    /// <summary>Runs <paramref name="change"/> under the lock and reports any change in outstanding work.</summary>
    private T Change<T>(Func<T> change)
    {
        lock (Gate)
        {
            var wasBusy = HasOutstandingWork;
            chain.EnterChange();
            try
            {
                return change();
            }
            finally
            {
                // Written before the lock is let go, so nobody (a poller, a history reader, the caller's answer)
                // sees what a restart would not find.
                chain.ExitChange();
                engine.Work.Transition(wasBusy, HasOutstandingWork);
            }
        }
    }

    private void Change(Action change) => Change(() =>
    {
        change();
        return true;
    });

    /// <summary>Reads under the lock, for snapshots that must be consistent.</summary>
    public T Read<T>(Func<T> read)
    {
        lock (Gate)
        {
            return read();
        }
    }

    private static Duration? ProtoDuration(TimeSpan span) => span > TimeSpan.Zero ? Duration.FromTimeSpan(span) : null;

    private static Timestamp ProtoTime(DateTime time) => Timestamp.FromDateTime(time);
}
