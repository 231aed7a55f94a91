namespace Sykefravaer.Activities.Effects;

/// <summary>What a notice says beyond its code: the facts the channel puts into the message. Never the fnr and
/// never a diagnosis (the employer must not see one).</summary>
/// <param name="DecidedOn">The Norwegian date the rules decided to send it.</param>
/// <param name="Svarfrist">For the forhåndsvarsel: the reply deadline.</param>
/// <param name="Maksdato">For notices about the end of sykepenger: the last day they are paid.</param>
public sealed record NoticePayload(DateOnly DecidedOn, DateOnly? Svarfrist = null, DateOnly? Maksdato = null);
