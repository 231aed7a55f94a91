using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Sykefravaer.Domain.Effects;
using Sykefravaer.Domain.Input;

namespace Sykefravaer.Domain.Aktivitetskrav;

/// <summary>
/// One aktivitetskrav (ftrl § 8-8) and its forhåndsvarsel, F1–F3, as an immutable state machine. Every input first
/// catches up on a passed svarfrist (<see cref="Advance"/>), so the result does not depend on whether the timer or
/// the input was handled first; replaying an input changes nothing; effects carry stable keys.
/// </summary>
public sealed record AktivitetskravProcess
{
    /// <summary>F1: the key of the one forhåndsvarsel notice of this aktivitetskrav.</summary>
    public const string ForhandsvarselKey = "forhandsvarsel";

    /// <summary>F3: the key of the one "vurder stans" task of this aktivitetskrav.</summary>
    public const string VurderStansKey = "vurder-stans";

    public const string ForhandsvarselCode = "FORHANDSVARSEL";

    public const string VurderStansCode = "VURDER_STANS";

    private AktivitetskravProcess()
    {
    }

    [JsonConstructor]
    private AktivitetskravProcess(
        AktivitetskravStatus status,
        DateOnly? forhandsvarselSentOn,
        DateOnly? svarfrist,
        DateOnly? svarMottattOn,
        DateOnly? vurderStansOn)
    {
        Status = status;
        ForhandsvarselSentOn = forhandsvarselSentOn;
        Svarfrist = svarfrist;
        SvarMottattOn = svarMottattOn;
        VurderStansOn = vurderStansOn;
    }

    public static AktivitetskravProcess NotStarted { get; } = new();

    public AktivitetskravStatus Status { get; private init; } = AktivitetskravStatus.NotStarted;

    /// <summary>F2: set once; there is one forhåndsvarsel per aktivitetskrav.</summary>
    public DateOnly? ForhandsvarselSentOn { get; private init; }

    /// <summary>F2: the last day a reply to the forhåndsvarsel is on time.</summary>
    public DateOnly? Svarfrist { get; private init; }

    /// <summary>F3: the day the (first) reply to the forhåndsvarsel arrived.</summary>
    public DateOnly? SvarMottattOn { get; private init; }

    /// <summary>F3: the day the "vurder stans" task was created; at most one per aktivitetskrav.</summary>
    public DateOnly? VurderStansOn { get; private init; }

    /// <summary>F3: the day <see cref="Advance"/> would act: the day after the svarfrist, while waiting for a reply.</summary>
    public DateOnly? NextDeadline =>
        Status == AktivitetskravStatus.Forhandsvarsel ? Svarfrist?.AddDays(1) : null;

    /// <summary>AKTIVITETSKRAV_VURDERING fell due: the veileder must assess. No change once started.</summary>
    public AktivitetskravProcess Start() =>
        Status == AktivitetskravStatus.NotStarted ? this with { Status = AktivitetskravStatus.Ny } : this;

    /// <summary>
    /// A veileder's assessment. Oppfylt, Unntak (with reason) and Avvent set the status. IkkeOppfylt (F1, with
    /// reason) sends the forhåndsvarsel with its svarfrist (F2). F2, one per aktivitetskrav: a further IkkeOppfylt
    /// while the forhåndsvarsel is waiting for its reply changes nothing; after a reply or after the svarfrist it
    /// upholds the decision and moves to <see cref="AktivitetskravStatus.VurderStans"/> (F3: the veileder decides
    /// on stans; the task is created unless one already was).
    /// </summary>
    /// <exception cref="InvalidInputException">Missing reason (field <c>arsak</c>), or a svarfrist that is not
    /// allowed (field <c>svarfrist</c>).</exception>
    public AktivitetskravStep Vurder(AktivitetskravVurdering vurdering, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(vurdering);
        Validate(vurdering);
        var caughtUp = Advance(today);
        var process = caughtUp.Process;
        var decided = vurdering.Utfall switch
        {
            VurderingUtfall.Oppfylt => AktivitetskravStep.Quiet(process with { Status = AktivitetskravStatus.Oppfylt }),
            VurderingUtfall.Unntak => AktivitetskravStep.Quiet(process with { Status = AktivitetskravStatus.Unntak }),
            VurderingUtfall.Avvent => AktivitetskravStep.Quiet(process with { Status = AktivitetskravStatus.Avvent }),
            _ => process.IkkeOppfylt(vurdering, today),
        };
        return decided with { Effects = caughtUp.Effects.AddRange(decided.Effects) };
    }

    /// <summary>F3: a reply to the forhåndsvarsel (information, new activity, new sykmelding): back to assessment.
    /// Before the svarfrist no "vurder stans" task is created; a late reply comes after the task. Only the first
    /// reply counts; without a forhåndsvarsel a reply changes nothing.</summary>
    public AktivitetskravStep ForhandsvarselSvar(DateOnly today)
    {
        var caughtUp = Advance(today);
        var process = caughtUp.Process;
        var awaitingReply = process.ForhandsvarselSentOn is not null
            && process.SvarMottattOn is null
            && process.Status is AktivitetskravStatus.Forhandsvarsel or AktivitetskravStatus.VurderStans;
        return awaitingReply
            ? caughtUp with { Process = process with { Status = AktivitetskravStatus.NyVurdering, SvarMottattOn = today } }
            : caughtUp;
    }

    /// <summary>F3: once the svarfrist has passed without reply, a veileder task "vurder stans", once. Never a stop:
    /// sykepenger are only stopped by a veileder's decision outside the engine.</summary>
    public AktivitetskravStep Advance(DateOnly today)
    {
        if (NextDeadline is not { } deadline || today < deadline)
        {
            return AktivitetskravStep.Quiet(this);
        }

        return RequestVurderStans(today, $"F3: svarfrist {Svarfrist:yyyy-MM-dd} passed without reply");
    }

    private static void Validate(AktivitetskravVurdering vurdering)
    {
        if (AktivitetskravVurdering.ArsakProblem(vurdering.Utfall, vurdering.Arsak) is { } arsak)
        {
            throw new InvalidInputException("arsak", arsak);
        }

        if (AktivitetskravVurdering.SvarfristProblem(vurdering.Utfall, vurdering.Svarfrist) is { } svarfrist)
        {
            throw new InvalidInputException("svarfrist", svarfrist);
        }
    }

    private AktivitetskravStep IkkeOppfylt(AktivitetskravVurdering vurdering, DateOnly today)
    {
        if (ForhandsvarselSentOn is null)
        {
            return SendForhandsvarsel(vurdering.Arsak!, today, SvarfristRule.For(today, vurdering.Svarfrist));
        }

        if (Status == AktivitetskravStatus.Forhandsvarsel)
        {
            return AktivitetskravStep.Quiet(this);
        }

        return RequestVurderStans(today, $"F3: aktivitetskrav still ikke oppfylt after the forhåndsvarsel of {ForhandsvarselSentOn:yyyy-MM-dd}: {vurdering.Arsak}");
    }

    private AktivitetskravStep SendForhandsvarsel(string arsak, DateOnly today, DateOnly svarfrist)
    {
        var notice = new Effect(
            ForhandsvarselKey,
            today,
            EffectKind.Notice,
            ForhandsvarselCode,
            Recipient.Arbeidstaker,
            $"F1: aktivitetskrav ikke oppfylt: {arsak}; F2: svarfrist {svarfrist:yyyy-MM-dd}");
        var process = this with
        {
            Status = AktivitetskravStatus.Forhandsvarsel,
            ForhandsvarselSentOn = today,
            Svarfrist = svarfrist,
        };
        return new AktivitetskravStep(process, [notice]);
    }

    private AktivitetskravStep RequestVurderStans(DateOnly today, string cause)
    {
        var process = this with { Status = AktivitetskravStatus.VurderStans, VurderStansOn = VurderStansOn ?? today };
        if (VurderStansOn is not null)
        {
            return AktivitetskravStep.Quiet(process);
        }

        var task = new Effect(VurderStansKey, today, EffectKind.Task, VurderStansCode, Recipient.Veileder, cause);
        return new AktivitetskravStep(process, ImmutableArray.Create(task));
    }
}
