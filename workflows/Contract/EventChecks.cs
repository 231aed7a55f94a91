using Sykefravaer.Domain.Input;

namespace Sykefravaer.Workflows.Contract;

/// <summary>
/// The domain's own rules for input (check digits, fom ≤ tom, grade, sane dates, and each event's rules, which its
/// type states once as a <c>…Problem</c> function) applied to the fields of an event, collecting every failure into
/// <see cref="Errors"/> instead of stopping at the first. Each method returns the validated value, or null/default
/// when the field is wrong.
/// </summary>
/// <param name="today">The day in Norway the case will apply the event on: for the API the day it arrives, for
/// simulate the day it happens.</param>
public sealed class EventChecks(ValidationErrors errors, DateOnly today)
{
    public ValidationErrors Errors { get; } = errors;

    /// <summary>The day in Norway the case will apply the event on.</summary>
    public DateOnly Today { get; } = today;

    public Fodselsnummer? Fnr(string? value, string field = "fnr")
    {
        var problem = Fodselsnummer.Problem(value);
        return Report(field, problem) ? Fodselsnummer.Parse(value, field) : null;
    }

    public Organisasjonsnummer? OptionalOrgnr(string? value, string field = "orgnr") =>
        value is null ? null : Report(field, Organisasjonsnummer.Problem(value)) ? Organisasjonsnummer.Parse(value, field) : null;

    /// <summary>A required id (the event's, a sykmelding's): see <see cref="TextRules"/>.</summary>
    public string? Text(string? value, string field) =>
        Report(field, string.IsNullOrWhiteSpace(value) ? "is required" : TextRules.IdProblem(value)) ? value : null;

    /// <summary>An optional reason; whether it is required is the caller's rule.</summary>
    public bool FreeText(string? value, string field) =>
        Report(field, value is null ? null : TextRules.FreeTextProblem(value));

    public DateOnly? Date(DateOnly value, string field) => Report(field, SaneDates.Problem(value)) ? value : null;

    public DateOnly? DateNotAfterToday(DateOnly value, string field)
    {
        var date = Date(value, field);
        return date is null || Report(field, date > Today ? $"must not be after today ({Today:yyyy-MM-dd})" : null) ? date : null;
    }

    /// <summary>An inclusive period; a fom after tom is reported on <c>tom</c>.</summary>
    public Periode? Periode(DateOnly fom, DateOnly tom, string fomField = "fom", string tomField = "tom")
    {
        var from = Date(fom, fomField);
        var to = Date(tom, tomField);
        if (from is null || to is null)
        {
            return null;
        }

        return Report(tomField, Domain.Input.Periode.TomProblem(from.Value, to.Value))
            ? Domain.Input.Periode.Of(from.Value, to.Value)
            : null;
    }

    public Grad? Grad(int percent, string field = "grad") =>
        Report(field, Domain.Input.Grad.Problem(percent))
            ? Domain.Input.Grad.Of(percent, field)
            : null;

    public DateTimeOffset At(DateTimeOffset? at, DateTimeOffset now, string field = "at")
    {
        if (at is { } given)
        {
            Date(DateOnly.FromDateTime(given.UtcDateTime), field);
        }

        return at ?? now;
    }

    /// <summary>Records <paramref name="problem"/> for <paramref name="field"/>; true when there is none. A field
    /// already reported (missing, or of the wrong type) holds a stand-in value: it fails without a second message.</summary>
    public bool Report(string field, string? problem)
    {
        if (Errors.Has(field))
        {
            return false;
        }

        if (problem is null)
        {
            return true;
        }

        Errors.Add(field, problem);
        return false;
    }
}
