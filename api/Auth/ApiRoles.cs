namespace Sykefravaer.Api.Auth;

/// <summary>
/// The app roles a token must carry (Entra ID puts app roles in the <c>roles</c> claim, for system tokens and
/// user tokens alike). Upstream systems that send events get <see cref="EventsWrite"/>; NAV's case-worker tools get
/// <see cref="Veileder"/>, for case reads and the work list; the platform team's operators get <see cref="Operator"/>,
/// to resume a parked case. None implies another.
/// </summary>
public static class ApiRoles
{
    public const string EventsWrite = "events.write";

    public const string Veileder = "veileder";

    public const string Operator = "operator";

    public const string RoleClaim = "roles";

    public const string SubmitEventsPolicy = "submit-events";

    public const string VeilederPolicy = "veileder";

    public const string OperatorPolicy = "operator";
}
