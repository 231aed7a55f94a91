using Sykefravaer.Domain.Cases;
using Sykefravaer.Domain.Input;

namespace Sykefravaer.Api.Events;

/// <summary>A valid event and the person whose case it goes to.</summary>
public sealed record EventSubmission(Fodselsnummer Fnr, CaseEvent Event);
