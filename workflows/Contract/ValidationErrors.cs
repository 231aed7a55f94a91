using Sykefravaer.Domain.Input;

namespace Sykefravaer.Workflows.Contract;

/// <summary>Every problem found in a request, by field (JSON name, e.g. <c>tom</c>), so one answer names them all
/// and the sender can fix the request in one go. Messages never repeat the value sent: it may be a fødselsnummer.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public bool IsEmpty => _byField.Count == 0;

    public bool Has(string field) => _byField.ContainsKey(field);

    public void Add(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var messages))
        {
            messages = [];
            _byField[field] = messages;
        }

        messages.Add(message);
    }

    /// <summary>The shape of RFC 7807's <c>errors</c> extension as ASP.NET Core writes it.</summary>
    public Dictionary<string, string[]> ToDictionary() =>
        _byField.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>One exception for all the problems, for a caller that reports on one line (simulate): it names the
    /// first field, and its message goes on with the others.</summary>
    public InvalidInputException ToException()
    {
        if (IsEmpty)
        {
            throw new InvalidOperationException("there is no problem to report");
        }

        var all = _byField.SelectMany(pair => pair.Value.Select(message => (Field: pair.Key, Message: message))).ToList();
        var rest = all.Skip(1).Select(problem => $"; {problem.Field}: {problem.Message}");
        return new InvalidInputException(all[0].Field, all[0].Message + string.Concat(rest));
    }
}
