namespace Sykefravaer.Domain.Input;

/// <summary>The sykmelding grade in percent: 100 is fully sick, 1–99 is gradert.</summary>
public readonly record struct Grad
{
    private Grad(int percent) => Percent = percent;

    public static Grad Full { get; } = new(100);

    public int Percent { get; }

    public bool IsGradert => Percent < 100;

    public static Grad Of(int percent, string field = "grad") =>
        percent is >= 1 and <= 100
            ? new Grad(percent)
            : throw new InvalidInputException(field, $"must be between 1 and 100 (percent), was {percent}");

    public override string ToString() => $"{Percent} %";
}
