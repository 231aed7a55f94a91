using System.Collections.Concurrent;

namespace Sykefravaer.Api.Access;

/// <summary>
/// The access service's answers for a short while (<see cref="AccessSettings.CacheDuration"/>), per veileder and
/// person, so a work list of 50 rows or a case opened twice does not ask again. Only answers are kept, never a
/// failure to get one: a service that was down is asked again on the next read.
/// </summary>
public sealed class AccessDecisionCache(AccessSettings settings, TimeProvider clock)
{
    // A bound, not a tuning knob: past it the cache starts over rather than grow with every veileder-person pair.
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<(string Ident, string Person), (bool Allowed, DateTimeOffset Until)> _answers = new();

    public bool? Lookup(string navIdent, string personRef) =>
        _answers.TryGetValue((navIdent, personRef), out var answer) && answer.Until > clock.GetUtcNow() ? answer.Allowed : null;

    public void Keep(string navIdent, string personRef, bool allowed)
    {
        if (settings.CacheDuration <= TimeSpan.Zero)
        {
            return;
        }

        if (_answers.Count >= MaxEntries)
        {
            _answers.Clear();
        }

        _answers[(navIdent, personRef)] = (allowed, clock.GetUtcNow() + settings.CacheDuration);
    }
}
