using Sykefravaer.Domain.Input;

namespace Sykefravaer.Api.Validation;

/// <summary>
/// The domain's own rules for input (check digits, fom ≤ tom, grade, sane dates) applied to the fields of a request,
/// collecting every failure into <see cref="Errors"/> instead of stopping at the first. Each method returns the
/// validated value, or null/default when the field is wrong.
/// </summary>
public sealed class DomainChecks(ValidationErrors errors, DateOnly today)
{
    public ValidationErrors Errors { get; } = errors;

    /// <summary>Today in Norway: the date the case will apply the event on.</summary>
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

    public DateOnly? Date(DateOnly value, string field)
    {
        var sane = value >= SaneDates.Earliest && value <= SaneDates.Latest;
        return Report(field, sane ? null : $"must be within {SaneDates.Earliest:yyyy-MM-dd}..{SaneDates.Latest:yyyy-MM-dd}")
            ? value
            : null;
    }

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

        return Report(tomField, to < from ? $"must not be before {fomField} ({from:yyyy-MM-dd})" : null)
            ? Domain.Input.Periode.Of(from.Value, to.Value)
            : null;
    }

    public Grad? Grad(int percent, string field = "grad") =>
        Report(field, percent is < 1 or > 100 ? "must be between 1 and 100 (percent)" : null)
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
