namespace Sykefravaer.Api.Auth;

/// <summary>
/// The app roles a token must carry (Entra ID puts app roles in the <c>roles</c> claim, for system tokens and
/// user tokens alike). Upstream systems that send events get <see cref="EventsWrite"/>; NAV's case-worker tools get
/// <see cref="Veileder"/>, for case reads and the work list; the platform team's operators get <see cref="Operator"/>,
/// to resume a parked case; whoever may decrypt case data in the Temporal UI gets <see cref="Codec"/>. None
/// implies another.
/// </summary>
public static class ApiRoles
{
    public const string EventsWrite = "events.write";

    public const string Veileder = "veileder";

    public const string Operator = "operator";

    /// <summary>Operators who may decrypt case data in the Temporal UI or CLI through the codec server.</summary>
    public const string Codec = "codec";

    public const string RoleClaim = "roles";

    public const string SubmitEventsPolicy = "submit-events";

    public const string VeilederPolicy = "veileder";

    public const string OperatorPolicy = "operator";

    public const string CodecPolicy = "codec";
}
