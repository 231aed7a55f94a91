using Sykefravaer.Testing;
using OfflineTemporal.Tests.Infrastructure;
using Temporalio.Api.Common.V1;
using Temporalio.Api.WorkflowService.V1;
using Temporalio.Exceptions;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>The offline server refuses what it does not implement, naming the method, rather than answering plausibly.</summary>
public sealed class UnimplementedTests(TemporalServerFixture fixture) : ConformanceTest(fixture)
{
    [OfflineServerFact]
    public async Task A_call_the_offline_server_does_not_implement_is_refused_as_unimplemented_naming_the_method()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            Client.WorkflowService.ResetWorkflowExecutionAsync(new ResetWorkflowExecutionRequest
            {
                Namespace = Client.Options.Namespace,
                WorkflowExecution = new WorkflowExecution { WorkflowId = UniqueId("reset") },
                RequestId = Guid.NewGuid().ToString(),
            }));

        Assert.Equal(RpcException.StatusCode.Unimplemented, refused.Code);
        Assert.Contains("ResetWorkflowExecution", refused.Message, StringComparison.Ordinal);
    }
}
