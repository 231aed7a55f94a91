using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Sykefravaer.Api.Access;
using Sykefravaer.Api.Auth;
using Sykefravaer.Api.RateLimiting;
using Sykefravaer.Api.Reads;
using Sykefravaer.Api.Validation;
using Sykefravaer.Api.Veileder.Components;
using Sykefravaer.Domain.Privacy;
using Sykefravaer.Domain.Time;
using Sykefravaer.Persistence.Reads;
using Sykefravaer.Workflows.Contract;

namespace Sykefravaer.Api.Veileder;

/// <summary>
/// The veileder's web view under <c>/veileder</c>: server-rendered pages (Razor components) styled with NAV's design
/// system Aksel. Every read of a person goes through the same <see cref="PersonReadGate"/> as the API, so the same
/// access check and the same audit trail; forms carry an antiforgery token; the fødselsnummer is only ever in a POST
/// body.
/// </summary>
public static partial class VeilederPages
{
    public static IEndpointRouteBuilder MapVeilederPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup(VeilederPaths.Root).ExcludeFromDescription();
        var signedIn = pages.MapGroup("").RequireAuthorization(VeilederSession.PagesPolicy);
        signedIn.MapGet("", WorkListAsync).WithName("veileder-work-list");
        signedIn.MapGet("/cases/{caseId:guid}", CaseAsync).WithName("veileder-case");
        signedIn.MapPost("/search", SearchAsync).WithName("veileder-search").RequireRateLimiting(ApiRateLimits.SearchPolicy);
        signedIn.MapPost("/tasks/{id:long}/done", TaskDoneAsync).WithName("veileder-task-done");
        routes.MapVeilederAssets();
        pages.MapGet("/sign-in", ShowSignIn).AllowAnonymous();
        pages.MapPost("/sign-in", SignInAsync).AllowAnonymous();
        // A handler of HttpContext alone would bind as a RequestDelegate and drop its result.
        pages.MapPost("/sign-out", (Func<HttpContext, Task<IResult>>)SignOutAsync).AllowAnonymous();
        return routes;
    }

    private static async Task<IResult> WorkListAsync(
        [AsParameters] WorkListFilter filter, HttpContext http, PersonReadGate gate, WorkList workList, CaseProjectionReader reader,
        ClosedTilfelleReader closedTilfeller, TimeProvider clock)
    {
        var today = NorwegianTime.DateOf(clock.GetUtcNow());
        var errors = new ValidationErrors();
        if (filter.ToQuery(today, errors) is not { } query)
        {
            var messages = errors.ToDictionary().SelectMany(field => field.Value.Select(message => $"{field.Key}: {message}")).ToList();
            return Page<WorkListPage>(new { NavIdent = Caller.IdentOf(http.User), Filter = filter, Errors = messages }, StatusCodes.Status400BadRequest);
        }

        var tasks = await workList.OpenTasksAsync(query, today, people => gate.VisibleAsync(http, people), http.RequestAborted).ConfigureAwait(false);
        await gate.RecordShownAsync(http, tasks.Items.Select(task => task.PersonRef)).ConfigureAwait(false);
        // Every case and closed tilfelle of the people on the page in two reads: the weeks come from the task's own
        // case, GJENTAKENDE_SYKEFRAVAER from all of the person's, as the case page's tag does.
        IReadOnlyCollection<string> people = [.. tasks.Items.Select(task => task.PersonRef).Distinct(StringComparer.Ordinal)];
        var cases = await reader.FindByPeopleAsync(people, http.RequestAborted).ConfigureAwait(false);
        var closed = await closedTilfeller.FindByPeopleAsync(people, GjentakendeSince(today), http.RequestAborted).ConfigureAwait(false);
        var weeks = cases.ToDictionary(c => c.CaseId, c => CaseHeader.Of(c, today).Weeks);
        var gjentakende = people.ToDictionary(
            person => person,
            person => PersonTilfeller.HasGjentakendeSykefravaer(
                cases.Where(c => c.PersonRef == person), today, [.. closed.Where(c => c.PersonRef == person)]),
            StringComparer.Ordinal);

        return Page<WorkListPage>(new
        {
            NavIdent = Caller.IdentOf(http.User),
            Filter = filter,
            Rows = (IReadOnlyList<WorkListRow>)[.. tasks.Items.Select(task => new WorkListRow(task, weeks.TryGetValue(task.CaseId, out var w) ? w : null, gjentakende[task.PersonRef]))],
            Page = tasks.Page,
            tasks.HasMore,
            ReturnUrl = $"{http.Request.Path}{http.Request.QueryString}",
        });
    }

    private static async Task<IResult> CaseAsync(
        Guid caseId, HttpContext http, PersonReadGate gate, CaseProjectionReader reader, ClosedTilfelleReader closedTilfeller, TimeProvider clock)
    {
        var navIdent = Caller.IdentOf(http.User);
        if (await reader.GetAsync(caseId, http.RequestAborted).ConfigureAwait(false) is not { } projection)
        {
            return Message("Fant ikke saken", "Det finnes ingen sak med denne adressen.", StatusCodes.Status404NotFound, navIdent);
        }

        if (!await gate.AllowsAsync(http, projection.PersonRef).ConfigureAwait(false))
        {
            return NoAccess(navIdent);
        }

        var today = NorwegianTime.DateOf(clock.GetUtcNow());
        var others = await reader.FindByPersonAsync(projection.PersonRef, http.RequestAborted).ConfigureAwait(false);
        var closed = await closedTilfeller.FindByPersonAsync(projection.PersonRef, GjentakendeSince(today), http.RequestAborted).ConfigureAwait(false);
        return Page<CasePage>(new
        {
            NavIdent = navIdent,
            Case = projection,
            Header = CaseHeader.Of(projection, today, others, closed),
            Layout = new CaseTimelineLayout(projection.State, projection.Milestones, projection.Effects, today, projection.SykmeldingPeriods, projection.EventsCameIn),
            OtherCases = (IReadOnlyList<Sykefravaer.Activities.Projection.CaseProjection>)[.. others.Where(other => other.CaseId != caseId)],
        });
    }

    private static async Task<IResult> SearchAsync(
        [FromForm] string? fnr, HttpContext http, PersonPseudonym pseudonym, PersonReadGate gate, CaseProjectionReader reader, TimeProvider clock)
    {
        var navIdent = Caller.IdentOf(http.User);
        var checks = new EventChecks(new ValidationErrors(), NorwegianTime.DateOf(clock.GetUtcNow()));
        if (checks.Fnr(fnr) is not { } valid)
        {
            // The value is not shown back: it may be a mistyped fødselsnummer.
            return Message("Ugyldig fødselsnummer", "Fødselsnummeret er ikke gyldig: 11 sifre med riktige kontrollsifre.", StatusCodes.Status400BadRequest, navIdent);
        }

        var person = pseudonym.Of(valid);
        if (!await gate.AllowsAsync(http, person).ConfigureAwait(false))
        {
            return NoAccess(navIdent);
        }

        var cases = await reader.FindByPersonAsync(person, http.RequestAborted).ConfigureAwait(false);
        return Page<SearchResultPage>(new { NavIdent = navIdent, Cases = cases });
    }

    private static async Task<IResult> TaskDoneAsync(
        long id, [FromForm] string? returnUrl, [FromForm] string? vurdering, HttpContext http, PersonReadGate gate, WorkList workList, TimeProvider clock)
    {
        var navIdent = Caller.IdentOf(http.User);
        if (await workList.GetAsync(id, http.RequestAborted).ConfigureAwait(false) is not { } task)
        {
            return Message("Fant ikke oppgaven", "Oppgaven finnes ikke.", StatusCodes.Status404NotFound, navIdent);
        }

        if (!await gate.AllowsAsync(http, task.PersonRef).ConfigureAwait(false))
        {
            return NoAccess(navIdent);
        }

        var chosen = string.IsNullOrEmpty(vurdering) ? null : vurdering;
        if (task.Status == "OPEN" && TaskVurderinger.Problem(task.Code, chosen) is not null)
        {
            return Message("Velg en vurdering", "Oppgaven lukkes med en vurdering: velg alternativet som passer vurderingen.", StatusCodes.Status400BadRequest, navIdent);
        }

        await workList.MarkDoneAsync(id, navIdent, NorwegianTime.DateOf(clock.GetUtcNow()), chosen, http.RequestAborted).ConfigureAwait(false);
        return Results.LocalRedirect(LocalOrRoot(returnUrl));
    }

    // GJENTAKENDE_SYKEFRAVAER counts the last three years; a year more, as the workflow reads for M2, covers the edges.
    private static DateOnly GjentakendeSince(DateOnly today) => today.AddYears(-4);

    private static IResult ShowSignIn(string? returnUrl, IHostEnvironment environment, IOptions<EntraSignInSettings> entra) =>
        environment.IsDevelopment() ? Page<SignInPage>(new { ReturnUrl = LocalOrRoot(returnUrl) })
        : entra.Value.IsConfigured ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrRoot(returnUrl) }, [EntraSignIn.Scheme])
        : Message("Innlogging", "Innlogging med Entra ID er ikke satt opp for denne installasjonen (Veileder__SignIn__*).", StatusCodes.Status404NotFound, null);

    private static async Task<IResult> SignInAsync(
        [FromForm] string? navIdent, [FromForm] string? returnUrl, HttpContext http, IHostEnvironment environment,
        IOptions<AuthSettings> auth, IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> cookies, TimeProvider clock)
    {
        if (!environment.IsDevelopment())
        {
            return Results.NotFound();
        }

        if (navIdent is null || !NavIdentPattern().IsMatch(navIdent))
        {
            return Page<SignInPage>(new { ReturnUrl = LocalOrRoot(returnUrl), Error = "En NAV-ident er en stor bokstav og seks sifre, for eksempel Z990000." }, StatusCodes.Status400BadRequest);
        }

        var lifetime = cookies.Get(VeilederSession.Scheme).ExpireTimeSpan;
        var token = DevTokens.Mint(auth.Value, [ApiRoles.Veileder], navIdent, lifetime, clock.GetUtcNow());
        await VeilederSession.SignInAsync(http, navIdent, token).ConfigureAwait(false);
        return Results.LocalRedirect(LocalOrRoot(returnUrl));
    }

    private static async Task<IResult> SignOutAsync(HttpContext http)
    {
        await http.SignOutAsync(VeilederSession.Scheme).ConfigureAwait(false);
        return Results.LocalRedirect(VeilederPaths.SignIn);
    }

    /// <summary>NAV's access service could not be asked: nothing about the person is shown, and the page says to try
    /// again (503 with Retry-After, as the API answers).</summary>
    internal static IResult Unavailable(HttpContext http) =>
        Problems.WithRetryAfter(
            Message(
                "Prøv igjen om litt",
                $"Tilgangskontrollen svarer ikke, så ingen opplysninger om personen vises nå. Prøv igjen om {Problems.RetryAfterSeconds} sekunder.",
                StatusCodes.Status503ServiceUnavailable,
                Caller.IdentOf(http.User)),
            Problems.RetryAfterSeconds);

    private static IResult NoAccess(string navIdent) =>
        Message("Ingen tilgang", "Du har ikke tilgang til denne personen. Forsøket er registrert.", StatusCodes.Status403Forbidden, navIdent);

    private static IResult Message(string title, string message, int status, string? navIdent) =>
        Page<MessagePage>(new { Title = title, Message = message, NavIdent = navIdent }, status);

    private static IResult Page<TPage>(object parameters, int status = StatusCodes.Status200OK)
        where TPage : Microsoft.AspNetCore.Components.IComponent =>
        new RazorComponentResult<TPage>(parameters) { StatusCode = status };

    // Only a path of this site: a returnUrl pointing elsewhere would make the sign-in an open redirect.
    private static string LocalOrRoot(string? returnUrl) =>
        returnUrl is { Length: > 1 } && returnUrl.StartsWith(VeilederPaths.Root, StringComparison.Ordinal) && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            ? returnUrl
            : VeilederPaths.Root;

    [GeneratedRegex("^[A-Z][0-9]{6}$")]
    private static partial Regex NavIdentPattern();
}
