namespace Sykefravaer.Api.Veileder;

/// <summary>Where the web view's pages are.</summary>
public static class VeilederPaths
{
    public const string Root = "/veileder";

    public const string SignIn = "/veileder/sign-in";

    public const string SignOut = "/veileder/sign-out";

    public const string Search = "/veileder/search";

    public const string Assets = "/veileder/assets";

    public static string Case(Guid caseId) => $"/veileder/cases/{caseId}";

    public static string TaskDone(long taskId) => $"/veileder/tasks/{taskId}/done";
}
