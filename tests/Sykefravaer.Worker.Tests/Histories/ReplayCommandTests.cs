using Sykefravaer.Worker.Tests.Infrastructure;

namespace Sykefravaer.Worker.Tests.Histories;

/// <summary><c>replay FILE|FOLDER…</c>: what a developer runs before deploying a change to the workflow.</summary>
public sealed class ReplayCommandTests
{
    private static readonly string Recorded = Path.Combine(AppContext.BaseDirectory, "histories", "recorded", "example.1.json");

    [Fact]
    public async Task A_recorded_history_replays_and_is_reported_ok()
    {
        var result = await WorkerCli.RunAsync(["replay", Recorded]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{Recorded}: ok", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 of 1 histories replayed deterministically", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_history_whose_commands_the_code_no_longer_gives_is_named_as_nondeterministic_with_exit_1()
    {
        // The recorded run created a task where this build creates none: what a careless change to a running case does.
        var original = await File.ReadAllTextAsync(Recorded);
        var changed = ReplaceFirst(original, "\"name\": \"CreateTask\"", "\"name\": \"CreateOppgave\"");
        var file = Path.Combine(Path.GetTempPath(), $"changed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, changed);
        try
        {
            var result = await WorkerCli.RunAsync(["replay", Recorded, file]);

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains($"{file}: NONDETERMINISTIC: ", result.Stderr, StringComparison.Ordinal);
            Assert.Contains($"{Recorded}: ok", result.Stdout, StringComparison.Ordinal);
            Assert.Contains("1 of 2 histories replayed deterministically", result.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_file_that_is_not_a_history_exits_with_2_naming_it()
    {
        var input = Path.Combine(AppContext.BaseDirectory, "histories", "inputs", "example.json");

        var result = await WorkerCli.RunAsync(["replay", input]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{input}: cannot read a history: ", result.Stderr, StringComparison.Ordinal);
    }

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"the recorded history has no {find}");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }
}
