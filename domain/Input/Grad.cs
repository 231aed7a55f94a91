using System.Text.Json.Serialization;

namespace Sykefravaer.Domain.Input;

/// <summary>The sykmelding grade in percent: 100 is fully sick, 1–99 is gradert.</summary>
public readonly record struct Grad
{
    /// <summary>For System.Text.Json (workflow state): validates like <see cref="Of"/>.</summary>
    [JsonConstructor]
    private Grad(int percent)
        : this(percent, "grad")
    {
    }

    private Grad(int percent, string field) =>
        Percent = Problem(percent) is { } problem ? throw new InvalidInputException(field, $"{problem}, was {percent}") : percent;

    public static Grad Full { get; } = new(100);

    public int Percent { get; }

    public bool IsGradert => Percent < 100;

    public static Grad Of(int percent, string field = "grad") => new(percent, field);

    /// <summary>What is wrong with <paramref name="percent"/> as a grade, or null.</summary>
    public static string? Problem(int percent) => percent is >= 1 and <= 100 ? null : "must be between 1 and 100 (percent)";

    public override string ToString() => $"{Percent} %";
}
