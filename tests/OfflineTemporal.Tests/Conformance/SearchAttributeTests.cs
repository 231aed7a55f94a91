using OfflineTemporal.Tests.Infrastructure;
using OfflineTemporal.Tests.Workflows;

namespace OfflineTemporal.Tests.Conformance;

/// <summary>Search attributes a workflow upserts on itself are visible in describe.</summary>
public sealed class SearchAttributeTests(TemporalServerFixture fixture) : ConformanceTest(fixture)
{
    [Fact]
    public Task Upserted_search_attributes_show_in_describe_and_the_latest_value_wins() =>
        RunWorkerAsync(worker => worker.AddWorkflow<SearchAttributeWorkflow>(), async queue =>
        {
            var handle = await Client.StartWorkflowAsync((SearchAttributeWorkflow wf) => wf.RunAsync(), new(UniqueId("search-attributes"), queue));

            await handle.SignalAsync(wf => wf.MarkAsync("waiting", 4));
            await handle.SignalAsync(wf => wf.MarkAsync("meeting", 26));
            await handle.SignalAsync(wf => wf.CloseAsync());
            await handle.GetResultAsync();

            var attributes = (await handle.DescribeAsync()).TypedSearchAttributes;
            Assert.Equal("meeting", attributes.Get(ConformanceSearchAttributes.CaseState));
            Assert.Equal(26L, attributes.Get(ConformanceSearchAttributes.CaseWeek));
        });
}
