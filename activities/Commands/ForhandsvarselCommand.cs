using Sykefravaer.Domain.Effects;

namespace Sykefravaer.Activities.Commands;

/// <summary>Send the forhåndsvarsel (rule F): a notice to the sykmeldt with the reply deadline the veileder chose.</summary>
/// <param name="Notice">The notice effect (kind Notice, to the arbeidstaker).</param>
/// <param name="Svarfrist">The last day a reply counts (F2); after the decision date.</param>
public sealed record ForhandsvarselCommand(Guid CaseId, string PersonRef, Effect Notice, DateOnly Svarfrist);
