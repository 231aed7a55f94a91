namespace Sykefravaer.Activities;

/// <summary>The error types the activities fail with on purpose; the workflow can match on them.</summary>
public static class ActivityErrorTypes
{
    /// <summary>The command was bad data (the message names the field). Never retried: the same input fails again.</summary>
    public const string InvalidInput = "InvalidActivityInput";
}
