namespace Sykefravaer.Api.Hosting;

/// <summary>Runs the API as its own process; the one-command engine composes the same services and pipeline.</summary>
public static class ApiHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSykefravaerApi();
        await using var app = builder.Build();
        app.UseSykefravaerApi();
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
