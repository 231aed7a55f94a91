using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sykefravaer.Workflows.DataConversion;

namespace Sykefravaer.Api.Tests.Infrastructure;

/// <summary>The real API in memory, configured like a deployment through the same keys (Temporal__*,
/// ConnectionStrings__Sykefravaer, Pseudonym__Key, Auth__*), its logs captured.</summary>
public sealed class ApiFactory(IReadOnlyDictionary<string, string?> settings, CapturedLogs logs) : WebApplicationFactory<Program>
{
    public const string Issuer = "sykefravaer-test";
    public const string Audience = "sykefravaer-api-test";
    public const string SigningKey = "test-only-signing-key-of-at-least-32-bytes";
    public const string PseudonymKey = "test-only-pseudonym-key-of-at-least-32-bytes";
    public const string EncryptionKeyId = "test-only-2026-12";

    /// <summary>The tests' AES-256 key (not the development key, which a "Test" environment refuses).</summary>
    public static readonly string EncryptionKey = Convert.ToBase64String(SHA256.HashData("test-only encryption key"u8));

    /// <summary>The key ring the API under test encrypts with: the tests' worker and readers decode with it.</summary>
    public static EncryptionKeyRing KeyRing => new(EncryptionKeyId, new Dictionary<string, byte[]> { [EncryptionKeyId] = Convert.FromBase64String(EncryptionKey) });

    public static Dictionary<string, string?> Settings(string temporalAddress, string temporalNamespace, string taskQueue, string connectionString) => new()
    {
        ["Temporal:Address"] = temporalAddress,
        ["Temporal:Namespace"] = temporalNamespace,
        ["Temporal:TaskQueue"] = taskQueue,
        ["Temporal:RpcTimeout"] = "00:00:03",
        ["ConnectionStrings:Sykefravaer"] = connectionString,
        ["Pseudonym:Key"] = PseudonymKey,
        ["Encryption:CurrentKey"] = EncryptionKeyId,
        [$"Encryption:Keys:{EncryptionKeyId}"] = EncryptionKey,
        ["Auth:Issuer"] = Issuer,
        ["Auth:Audience"] = Audience,
        ["Auth:JwksJson"] = TestSigning.JwksJson,
        ["Access:BaseAddress"] = TestAccess.Service.BaseAddress.ToString(),
        // Every test's tokens are one caller, and reads poll the search: the production limits would refuse them.
        // RateLimitTests configure small limits of their own.
        ["RateLimits:Search:PermitLimit"] = "1000000",
        ["RateLimits:Events:PermitLimit"] = "1000000",
    };

    /// <summary>The host environment: "Test" unless a test checks what another environment does.</summary>
    public string Environment { get; init; } = "Test";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        builder.ConfigureServices(services => services.AddLogging(logging => logging.AddFilter(_ => true)));
    }
}
