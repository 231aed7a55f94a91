using System.Diagnostics.CodeAnalysis;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>
/// A run's queries that wait for a worker: those that will ride along with the next workflow task, and those sent on
/// their own as query tasks, until they are answered.
/// </summary>
/// <remarks>Not thread-safe: used under the run's lock.</remarks>
internal sealed class PendingQueries
{
    private readonly List<PendingQuery> awaitingTask = [];
    private readonly Dictionary<string, PendingQuery> queryTasks = [];

    /// <summary>True while a worker holds, or should pick up, a query task of the run.</summary>
    public bool HasQueryTasks => queryTasks.Count > 0;

    /// <summary>Holds a query for the next workflow task, because one a worker holds already went out without it.</summary>
    public void AwaitNextTask(PendingQuery query) => awaitingTask.Add(query);

    /// <summary>Puts queries that rode on a lost task back in line, ahead of those that came later.</summary>
    public void ReturnToFront(IEnumerable<PendingQuery> queries) => awaitingTask.InsertRange(0, queries);

    public List<PendingQuery> TakeAwaitingTask()
    {
        var taken = awaitingTask.ToList();
        awaitingTask.Clear();
        return taken;
    }

    public void AddQueryTask(PendingQuery query) => queryTasks[query.Id] = query;

    public bool IsQueryTask(PendingQuery query) => queryTasks.ContainsKey(query.Id);

    public PendingQuery? FindQueryTask(string queryId) => queryTasks.GetValueOrDefault(queryId);

    public bool TryRemoveQueryTask(string queryId, [NotNullWhen(true)] out PendingQuery? query) => queryTasks.Remove(queryId, out query);

    /// <summary>Forgets a query wherever it waits.</summary>
    public void Withdraw(PendingQuery query)
    {
        awaitingTask.Remove(query);
        queryTasks.Remove(query.Id);
    }
}
