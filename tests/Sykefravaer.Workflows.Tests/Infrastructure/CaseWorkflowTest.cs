using Sykefravaer.Activities.Effects;
using Sykefravaer.Domain.Cases;
using Sykefravaer.Persistence.InMemory;
using Sykefravaer.Testing;
using Temporalio.Client;

namespace Sykefravaer.Workflows.Tests.Infrastructure;

/// <summary>
/// Base of every case test: the shared server, a task queue of the test's own, the real workflow in a real worker,
/// and activities over <see cref="ICaseEffects"/> (in memory unless a test class says otherwise), so tests can read
/// exactly which notices and tasks were written under which keys. Events are delivered at their own time: the test
/// lets the server's clock skip ahead to each one first.
/// </summary>
[Collection(CaseServerCollection.Name)]
public abstract class CaseWorkflowTest(CaseServerFixture fixture) : IAsyncLifetime
{
    private readonly List<PersonCases> persons = [];
    private CaseWorker? worker;
    private CaseDays? days;
    private ServerClock? clock;

    protected TemporalTestServer Server => fixture.Server;

    protected ITemporalClient Client => Server.Client;

    protected ServerClock Clock => clock ?? throw new InvalidOperationException("Not initialised.");

    protected CaseWorker Worker => worker ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>Gets the effects written when the test did not choose another store (<see cref="OpenEffectsAsync"/>).</summary>
    protected InMemoryCaseEffects Effects { get; } = new();

    /// <summary>Gets the test's calendar: S is the day after the server's clock when the test began.</summary>
    protected CaseDays Days => days ?? throw new InvalidOperationException("Not initialised.");

    public virtual async Task InitializeAsync()
    {
        clock = new ServerClock(Server);
        days = CaseDays.StartingAfter(await Clock.NowAsync());
        worker = new CaseWorker(Client, $"cases-{Guid.NewGuid():N}");
        Worker.Start(await OpenEffectsAsync());
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var person in persons)
        {
            await person.TerminateIfRunningAsync();
        }

        if (worker is not null)
        {
            await worker.DisposeAsync();
        }
    }

    /// <summary>Where the activities write; in memory unless overridden.</summary>
    protected virtual Task<ICaseEffects> OpenEffectsAsync() => Task.FromResult<ICaseEffects>(Effects);

    /// <summary>A new person with a pseudonym of their own (never a fødselsnummer: that must not reach Temporal).</summary>
    /// <param name="birthDate">For the age rules; unknown by default.</param>
    /// <param name="historyEventLimit">Continue as new past this many history events (small values force it).</param>
    /// <param name="ruleSet">The rule set the person's new cases start under, as <c>Cases__RuleSet</c> chooses it;
    /// null for the workflow's default.</param>
    protected PersonCases NewPerson(DateOnly? birthDate = null, int historyEventLimit = 10_000, string? ruleSet = null)
    {
        var person = new PersonCases(Client, Clock, Worker.TaskQueue, $"p-test-{Guid.NewGuid():N}", birthDate, historyEventLimit, ruleSet);
        persons.Add(person);
        return person;
    }

    /// <summary>Lets the clock skip ahead to <paramref name="e"/>'s time, delivers it, and waits until the case has
    /// acted on it (its activities done); returns the run that received it.</summary>
    protected async Task<string> DeliverAsync(PersonCases person, CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(e);
        await AdvanceToAsync(e.At);
        var runId = await person.SendAsync(e);
        await SettleAsync();
        return runId;
    }

    /// <summary>Lets the clock skip ahead to the arrival hour of <paramref name="date"/>: every milestone and deadline
    /// due by then has fired and its activities are done.</summary>
    protected Task AdvanceToAsync(DateOnly date) => Clock.AdvanceToAsync(CaseDays.At(date));

    protected Task AdvanceToAsync(DateTimeOffset instant) => Clock.AdvanceToAsync(instant);

    protected Task SettleAsync() => Clock.SettleAsync();
}
