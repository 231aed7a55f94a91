using Temporalio.Api.Common.V1;

namespace Sykefravaer.OfflineTemporal.Engine.Execution;

/// <summary>The signal of a signal-with-start, written right after the started event.</summary>
internal sealed record InitialSignal(string Name, Payloads? Input, string Identity, Header? Header);
