using System.Text.Json;
using Sykefravaer.Domain.Aktivitetskrav;
using Sykefravaer.Domain.Effects;
using Sykefravaer.Domain.Input;
using static Sykefravaer.Domain.Tests.CasePeriod.Sm;

namespace Sykefravaer.Domain.Tests.Aktivitetskrav;

public class ForhandsvarselTests
{
    private static readonly DateOnly Sent = D("2024-03-11");
    private static readonly AktivitetskravProcess Assessing = AktivitetskravProcess.NotStarted.Start();
    private static readonly AktivitetskravVurdering IkkeOppfylt = new(VurderingUtfall.IkkeOppfylt, "no activity since week 6");

    private static AktivitetskravStep Warned(DateOnly? svarfrist = null) =>
        Assessing.Vurder(IkkeOppfylt with { Svarfrist = svarfrist }, Sent);

    [Fact]
    public void F1_ikke_oppfylt_sends_one_forhandsvarsel_notice_to_the_arbeidstaker()
    {
        var step = Warned();

        var notice = Assert.Single(step.Effects);
        Assert.Equal(AktivitetskravStatus.Forhandsvarsel, step.Process.Status);
        Assert.Equal(("forhandsvarsel", "FORHANDSVARSEL", EffectKind.Notice, Recipient.Arbeidstaker, Sent), (notice.Key, notice.Code, notice.Kind, notice.To, notice.On));
        Assert.Contains("F1", notice.Cause, StringComparison.Ordinal);
        Assert.Contains("no activity since week 6", notice.Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(VurderingUtfall.Oppfylt, AktivitetskravStatus.Oppfylt)]
    [InlineData(VurderingUtfall.Unntak, AktivitetskravStatus.Unntak)]
    [InlineData(VurderingUtfall.Avvent, AktivitetskravStatus.Avvent)]
    public void F1_only_ikke_oppfylt_starts_a_forhandsvarsel(VurderingUtfall utfall, AktivitetskravStatus expected)
    {
        var step = Assessing.Vurder(new AktivitetskravVurdering(utfall, "medical reasons"), Sent);

        Assert.Equal(expected, step.Process.Status);
        Assert.Empty(step.Effects);
        Assert.Null(step.Process.ForhandsvarselSentOn);
        Assert.Null(step.Process.NextDeadline);
    }

    [Theory]
    [InlineData(VurderingUtfall.IkkeOppfylt, null)]
    [InlineData(VurderingUtfall.IkkeOppfylt, "  ")]
    [InlineData(VurderingUtfall.Unntak, null)]
    public void F1_ikke_oppfylt_and_unntak_must_give_reasons(VurderingUtfall utfall, string? arsak)
    {
        var error = Assert.Throws<InvalidInputException>(() => Assessing.Vurder(new AktivitetskravVurdering(utfall, arsak), Sent));

        Assert.Equal("arsak", error.Field);
        Assert.Contains("arsak", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void F2_default_svarfrist_is_21_days_after_sending()
    {
        var process = Warned().Process;

        Assert.Equal(Sent, process.ForhandsvarselSentOn);
        Assert.Equal(Sent.AddDays(21), process.Svarfrist);
        Assert.Equal(Sent.AddDays(22), process.NextDeadline);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(30)]
    [InlineData(42)]
    public void F2_a_svarfrist_between_21_and_42_days_is_accepted(int days)
    {
        Assert.Equal(Sent.AddDays(days), Warned(Sent.AddDays(days)).Process.Svarfrist);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(43)]
    [InlineData(-1)]
    public void F2_a_svarfrist_outside_21_to_42_days_is_refused_with_a_clear_message(int days)
    {
        var error = Assert.Throws<InvalidInputException>(() => Warned(Sent.AddDays(days)));

        Assert.Equal("svarfrist", error.Field);
        Assert.Contains("between 21 and 42 days", error.Message, StringComparison.Ordinal);
        Assert.Contains($"({days} days)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void F2_a_svarfrist_with_another_outcome_is_refused()
    {
        var error = Assert.Throws<InvalidInputException>(() =>
            Assessing.Vurder(new AktivitetskravVurdering(VurderingUtfall.Oppfylt, null, Sent.AddDays(21)), Sent));

        Assert.Equal("svarfrist", error.Field);
    }

    [Fact]
    public void F2_a_second_ikke_oppfylt_while_waiting_for_the_reply_sends_nothing_and_keeps_the_svarfrist()
    {
        var first = Warned().Process;

        var second = first.Vurder(IkkeOppfylt with { Svarfrist = Sent.AddDays(40) }, Sent.AddDays(5));

        Assert.Empty(second.Effects);
        Assert.Equal(first, second.Process);
    }

    [Fact]
    public void F2_one_forhandsvarsel_per_aktivitetskrav_even_after_a_new_assessment()
    {
        var replied = Warned().Process.ForhandsvarselSvar(Sent.AddDays(10)).Process;
        var oppfylt = replied.Vurder(new AktivitetskravVurdering(VurderingUtfall.Oppfylt), Sent.AddDays(12)).Process;

        var again = oppfylt.Vurder(IkkeOppfylt, Sent.AddDays(60));

        Assert.DoesNotContain(again.Effects, e => e.Code == "FORHANDSVARSEL");
        Assert.Equal(Sent, again.Process.ForhandsvarselSentOn);
        Assert.Equal(AktivitetskravStatus.VurderStans, again.Process.Status);
        Assert.Equal("VURDER_STANS", Assert.Single(again.Effects).Code);
    }

    [Fact]
    public void F3_svarfrist_passed_without_reply_creates_one_vurder_stans_task()
    {
        var process = Warned().Process;

        var onSvarfrist = process.Advance(Sent.AddDays(21));
        var dayAfter = process.Advance(Sent.AddDays(22));
        var later = dayAfter.Process.Advance(Sent.AddDays(30));

        Assert.Empty(onSvarfrist.Effects);
        var task = Assert.Single(dayAfter.Effects);
        Assert.Equal(("vurder-stans", "VURDER_STANS", EffectKind.Task, Recipient.Veileder), (task.Key, task.Code, task.Kind, task.To));
        Assert.Equal("F3: svarfrist 2024-04-01 passed without reply", task.Cause);
        Assert.Equal(AktivitetskravStatus.VurderStans, dayAfter.Process.Status);
        Assert.Empty(later.Effects);
        Assert.Null(dayAfter.Process.NextDeadline);
    }

    [Fact]
    public void F3_a_reply_before_the_deadline_goes_back_to_assessment_without_vurder_stans()
    {
        var replied = Warned().Process.ForhandsvarselSvar(Sent.AddDays(21));

        Assert.Empty(replied.Effects);
        Assert.Equal(AktivitetskravStatus.NyVurdering, replied.Process.Status);
        Assert.Null(replied.Process.NextDeadline);
        Assert.Empty(replied.Process.Advance(Sent.AddDays(60)).Effects);
    }

    [Fact]
    public void F3_a_late_reply_gives_the_same_result_whether_or_not_the_deadline_was_handled_first()
    {
        var warned = Warned().Process;
        var lateDay = Sent.AddDays(25);

        var replyFirst = warned.ForhandsvarselSvar(lateDay);
        var tickFirst = warned.Advance(lateDay);
        var thenReply = tickFirst.Process.ForhandsvarselSvar(lateDay);

        Assert.Equal(thenReply.Process, replyFirst.Process);
        Assert.Equal(AktivitetskravStatus.NyVurdering, replyFirst.Process.Status);
        Assert.Equal("VURDER_STANS", Assert.Single(replyFirst.Effects).Code);
        Assert.Equal(tickFirst.Effects.Single(), replyFirst.Effects.Single());
    }

    [Fact]
    public void F3_a_reply_without_a_forhandsvarsel_or_a_second_reply_changes_nothing()
    {
        var replied = Warned().Process.ForhandsvarselSvar(Sent.AddDays(3)).Process;

        Assert.Equal(Assessing, Assessing.ForhandsvarselSvar(Sent).Process);
        Assert.Equal(replied, replied.ForhandsvarselSvar(Sent.AddDays(4)).Process);
    }

    [Fact]
    public void F3_never_an_automatic_stop_whatever_happens()
    {
        var step = Warned();
        var effects = step.Effects.ToList();
        var process = step.Process;
        for (var day = Sent; day <= Sent.AddDays(400); day = day.AddDays(1))
        {
            var next = process.Advance(day);
            effects.AddRange(next.Effects);
            process = next.Process;
        }

        Assert.All(effects, e => Assert.Contains(e.Code, new[] { "FORHANDSVARSEL", "VURDER_STANS" }));
        Assert.Equal(2, effects.Count);
        Assert.Equal(AktivitetskravStatus.VurderStans, process.Status);
    }

    [Fact]
    public void F1_replaying_the_same_decision_is_idempotent()
    {
        var step = Warned();

        var replay = step.Process.Vurder(IkkeOppfylt, Sent);

        Assert.Empty(replay.Effects);
        Assert.Equal(step.Process, replay.Process);
    }

    [Fact]
    public void F2_the_process_round_trips_through_System_Text_Json()
    {
        var process = Warned(Sent.AddDays(30)).Process.ForhandsvarselSvar(Sent.AddDays(5)).Process;

        var back = JsonSerializer.Deserialize<AktivitetskravProcess>(JsonSerializer.Serialize(process));

        Assert.Equal(process, back);
    }
}
