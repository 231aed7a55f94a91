using Sykefravaer.Api.Auth;
using Sykefravaer.Api.Hosting;

// `dotnet run --project api` serves the API; `-- token --role ROLE` prints a development token (see README.md).
return args is ["token", .. var tokenArgs]
    ? DevTokenCommand.Run(tokenArgs, Console.Out, Console.Error)
    : await ApiHost.RunAsync(args).ConfigureAwait(false);

/// <summary>The entry point, public for <c>WebApplicationFactory</c> in the end-to-end tests.</summary>
public partial class Program;
