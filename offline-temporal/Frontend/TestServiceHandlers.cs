using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Temporalio.Api.TestService.V1;
using Sykefravaer.OfflineTemporal.Engine;
using Sykefravaer.OfflineTemporal.Hosting;

namespace Sykefravaer.OfflineTemporal.Frontend;

/// <summary>
/// The TestService of Temporal's time-skipping server: lock and unlock skipping, sleep in virtual time, read the
/// virtual clock. Only registered in time-skipping mode; the dev server has no such service.
/// </summary>
internal sealed class TestServiceHandlers(TemporalEngine engine) : IRpcHandlers
{
    public void Register(RpcRouteTable routes)
    {
        if (!engine.Clock.TimeSkipping)
        {
            return;
        }
        var service = TestServiceEndpoint.Service;
        routes.Add<LockTimeSkippingRequest, LockTimeSkippingResponse>(service, "LockTimeSkipping", (_, _) =>
        {
            engine.Clock.LockSkipping();
            return Task.FromResult(new LockTimeSkippingResponse());
        });
        routes.Add<UnlockTimeSkippingRequest, UnlockTimeSkippingResponse>(service, "UnlockTimeSkipping", (_, _) =>
        {
            Unlock();
            return Task.FromResult(new UnlockTimeSkippingResponse());
        });
        routes.Add<SleepRequest, SleepResponse>(service, "Sleep", (request, context) =>
            SleepUntilAsync(engine.Clock.Now + request.Duration.ToTimeSpan(), context, unlockWhileSleeping: false));
        routes.Add<SleepUntilRequest, SleepResponse>(service, "SleepUntil", (request, context) =>
            SleepUntilAsync(request.Timestamp.ToDateTime(), context, unlockWhileSleeping: false));
        routes.Add<SleepRequest, SleepResponse>(service, "UnlockTimeSkippingWithSleep", (request, context) =>
            SleepUntilAsync(engine.Clock.Now + request.Duration.ToTimeSpan(), context, unlockWhileSleeping: true));
        routes.Add<Empty, GetCurrentTimeResponse>(service, "GetCurrentTime", (_, _) =>
            Task.FromResult(new GetCurrentTimeResponse { Time = Timestamp.FromDateTime(engine.Clock.Now) }));
    }

    private void Unlock()
    {
        if (!engine.Clock.UnlockSkipping())
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "Unbalanced call to UnlockTimeSkipping: time skipping is not locked"));
        }
    }

    /// <summary>
    /// Waits until the virtual clock reaches <paramref name="wakeAt"/>. With <paramref name="unlockWhileSleeping"/>,
    /// skipping is unlocked for the wait and locked again when it ends, as the test server does for the SDK's
    /// <c>DelayAsync</c>.
    /// </summary>
    private async Task<SleepResponse> SleepUntilAsync(DateTime wakeAt, ServerCallContext context, bool unlockWhileSleeping)
    {
        var woken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var alarm = engine.Clock.Schedule(wakeAt, new object(), () =>
        {
            if (unlockWhileSleeping)
            {
                engine.Clock.LockSkipping();
            }
            woken.TrySetResult();
        });
        if (unlockWhileSleeping)
        {
            Unlock();
        }
        try
        {
            await woken.Task.WaitAsync(context.CancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            alarm.Cancel();
            if (unlockWhileSleeping && !woken.Task.IsCompleted)
            {
                engine.Clock.LockSkipping();
            }
            throw;
        }
        return new SleepResponse();
    }
}
