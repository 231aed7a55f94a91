using Sykefravaer.Testing;

namespace Sykefravaer.Api.Tests.Hosting;

/// <summary>The development settings (a public signing key and pseudonym key) are not in what is deployed: not in
/// the API's <c>dotnet publish</c> output, which is what its image holds, and not in the Docker build context.</summary>
public sealed class PublishedImageTests
{
    [Fact]
    public async Task The_published_api_has_its_settings_but_not_the_development_settings()
    {
        var output = Directory.CreateTempSubdirectory("sykefravaer-publish-");
        try
        {
            await RepositoryBuild.PublishAsync("api", output.FullName, CancellationToken.None);

            Assert.True(File.Exists(Path.Combine(output.FullName, "Sykefravaer.Api.dll")));
            Assert.True(File.Exists(Path.Combine(output.FullName, "appsettings.json")));
            Assert.Empty(Directory.GetFiles(output.FullName, "appsettings.Development.json", SearchOption.AllDirectories));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_docker_build_context_leaves_the_development_settings_out_and_the_images_copy_only_the_publish_output()
    {
        var ignored = File.ReadAllLines(Path.Combine(RepositoryBuild.Root, ".dockerignore"));
        Assert.Contains("**/appsettings.Development.json", ignored);

        foreach (var dockerfile in new[] { "api/Dockerfile", "worker/Dockerfile" })
        {
            var lines = File.ReadAllLines(Path.Combine(RepositoryBuild.Root, dockerfile));
            Assert.DoesNotContain(lines, line => line.Contains("appsettings", StringComparison.OrdinalIgnoreCase));
            // The final stage is the last FROM: everything it copies comes from the build stage's publish folder.
            var finalStage = lines.SkipWhile((_, i) => i < Array.FindLastIndex(lines, l => l.StartsWith("FROM ", StringComparison.Ordinal)));
            Assert.All(
                finalStage.Where(line => line.StartsWith("COPY ", StringComparison.Ordinal) || line.StartsWith("ADD ", StringComparison.Ordinal)),
                copy => Assert.Equal("COPY --from=build /app .", copy));
        }
    }
}
