using Sykefravaer.Api.Auth;
using Sykefravaer.Hosting.Telemetry;
using Sykefravaer.Testing;
using YamlDotNet.RepresentationModel;

namespace Sykefravaer.Api.Tests.Operations;

/// <summary>The NAIS manifests (<c>.nais/*.yaml</c>) agree with what the processes serve: the probes and the metrics
/// path they map, the port of their container image, the roles the API authorises by, and no secret in the file.</summary>
public sealed class NaisManifestTests
{
    public static TheoryData<string> Manifests => new() { "api.yaml", "worker.yaml" };

    [Theory]
    [MemberData(nameof(Manifests))]
    public void The_probes_and_the_metrics_path_are_the_ones_the_process_serves(string file)
    {
        var spec = Spec(file);

        Assert.Equal("nais.io/v1alpha1", Text(Root(file), "apiVersion"));
        Assert.Equal("Application", Text(Root(file), "kind"));
        Assert.Equal("8080", Text(spec, "port")); // the aspnet image's ASPNETCORE_HTTP_PORTS
        Assert.Equal(EngineTelemetry.AlivePath, Text(Map(spec, "liveness"), "path"));
        Assert.Equal(EngineTelemetry.ReadyPath, Text(Map(spec, "readiness"), "path"));
        Assert.Equal(EngineTelemetry.ReadyPath, Text(Map(spec, "startup"), "path"));
        Assert.Equal("true", Text(Map(spec, "prometheus"), "enabled"));
        Assert.Equal(EngineTelemetry.MetricsPath, Text(Map(spec, "prometheus"), "path"));
        Assert.Equal("sdk", Text(Map(Map(spec, "observability"), "autoInstrumentation"), "runtime"));
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Secrets_come_from_a_nais_secret_and_never_from_the_file(string file)
    {
        var spec = Spec(file);
        var names = ((YamlSequenceNode)spec.Children[new YamlScalarNode("env")])
            .Cast<YamlMappingNode>()
            .Select(e => Text(e, "name"))
            .ToList();

        Assert.NotEmpty(((YamlSequenceNode)spec.Children[new YamlScalarNode("envFrom")]).Cast<YamlMappingNode>().Select(e => Text(e, "secret")));
        Assert.Contains("Temporal__Address", names);
        Assert.DoesNotContain(names, n => n.StartsWith("Pseudonym__", StringComparison.Ordinal)
            || n.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
            || n == "Auth__SigningKey");
    }

    [Fact]
    public void The_api_grants_events_write_to_its_senders_and_signs_in_with_entra_id_not_a_development_key()
    {
        var spec = Spec("api.yaml");
        var rules = (YamlSequenceNode)Map(Map(spec, "accessPolicy"), "inbound").Children[new YamlScalarNode("rules")];
        var granted = rules.Cast<YamlMappingNode>()
            .Where(r => r.Children.ContainsKey(new YamlScalarNode("permissions")))
            .SelectMany(r => (YamlSequenceNode)Map(r, "permissions").Children[new YamlScalarNode("roles")])
            .Select(n => ((YamlScalarNode)n).Value);

        Assert.Equal("true", Text(Map(Map(spec, "azure"), "application"), "enabled"));
        Assert.Contains(ApiRoles.EventsWrite, granted);
        Assert.Contains(
            ((YamlSequenceNode)spec.Children[new YamlScalarNode("env")]).Cast<YamlMappingNode>(),
            e => Text(e, "name") == "Auth__MetadataAddress");
    }

    [Theory]
    [InlineData("api.yaml", "Access__BaseAddress")]
    [InlineData("api.yaml", "Access__TokenExchange__Target")]
    [InlineData("worker.yaml", "Outbox__Http__Url")]
    public void Each_manifest_sets_what_its_process_refuses_to_start_without(string file, string setting) =>
        Assert.Contains(
            ((YamlSequenceNode)Spec(file).Children[new YamlScalarNode("env")]).Cast<YamlMappingNode>(),
            e => Text(e, "name") == setting);

    [Fact]
    public void The_api_exchanges_the_veileders_token_for_the_access_service_it_may_call_and_leaves_the_endpoint_to_nais()
    {
        var spec = Spec("api.yaml");
        var env = ((YamlSequenceNode)spec.Children[new YamlScalarNode("env")]).Cast<YamlMappingNode>().ToList();
        var target = Text(env.Single(e => Text(e, "name") == "Access__TokenExchange__Target"), "value");
        var outbound = ((YamlSequenceNode)Map(Map(spec, "accessPolicy"), "outbound").Children[new YamlScalarNode("rules")])
            .Cast<YamlMappingNode>()
            .Select(r => Text(r, "application"));

        // api://<cluster>.<namespace>.<application>/.default, the application the outbound rule lets the API call.
        Assert.Matches(@"^api://[^./]+\.teamsykefravr\.[^./]+/\.default$", target);
        Assert.Contains(target.Split('.')[2].Split('/')[0], outbound);
        Assert.Equal("true", Text(Map(Map(spec, "azure"), "application"), "enabled")); // NAIS's exchange needs Entra ID
        Assert.DoesNotContain(env, e => Text(e, "name") is "Access__TokenExchange__Endpoint" or "NAIS_TOKEN_EXCHANGE_ENDPOINT");
    }

    [Fact]
    public void The_worker_takes_no_traffic_but_its_probes()
    {
        var spec = Spec("worker.yaml");

        Assert.False(spec.Children.ContainsKey(new YamlScalarNode("ingresses")));
        Assert.False(Map(spec, "accessPolicy").Children.ContainsKey(new YamlScalarNode("inbound")));
    }

    private static YamlMappingNode Root(string file)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryBuild.Root, ".nais", file));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Spec(string file) => Map(Root(file), "spec");

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string Text(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;
}
