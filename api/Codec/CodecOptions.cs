namespace Sykefravaer.Api.Codec;

/// <summary>The codec server's settings (<c>Codec__TemporalUiOrigin</c>).</summary>
public sealed class CodecOptions
{
    public const string Section = "Codec";

    /// <summary>The one browser origin allowed to call the codec server: the Temporal Web UI's (e.g.
    /// <c>http://localhost:8080</c>). Unset, no browser may call it; the CLI (<c>--codec-endpoint</c>) still can.</summary>
    public string? TemporalUiOrigin { get; set; }
}
