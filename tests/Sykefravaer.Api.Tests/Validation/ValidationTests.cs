using System.Net;
using System.Text.Json.Nodes;
using Sykefravaer.Api.Tests.Infrastructure;
using Temporalio.Exceptions;
using static Sykefravaer.Api.Tests.EndToEnd.Dates;

namespace Sykefravaer.Api.Tests.Validation;

/// <summary>Every validation rule: a 400 problem details naming each bad field, and no workflow started or signalled.</summary>
[Collection(EngineCollection.Name)]
public sealed class ValidationTests(ApiEngine engine)
{
    private readonly ApiClient _api = new(engine.Api.CreateClient());

    public static TheoryData<string, string, string[]> BadEvents()
    {
        var fnr = "{fnr}";
        var sm = $$"""{"id":"sm-1","fnr":"{{fnr}}","fom":"{{Day(-5)}}","tom":"{{Day(5)}}","grad":100,"orgnr":"{{TestPeople.Orgnr}}"}""";
        return new()
        {
            { "sykmelding", sm.Replace(fnr, "{badFnr}", StringComparison.Ordinal), ["fnr"] },
            { "sykmelding", sm.Replace($",\"fnr\":\"{fnr}\"", string.Empty, StringComparison.Ordinal), ["fnr"] },
            { "sykmelding", sm.Replace(fnr, "1234567890", StringComparison.Ordinal), ["fnr"] },
            { "sykmelding", sm.Replace(TestPeople.Orgnr, TestPeople.OrgnrWithWrongCheckDigit, StringComparison.Ordinal), ["orgnr"] },
            { "sykmelding", $$"""{"id":"sm-1","fnr":"{{fnr}}","fom":"{{Day(5)}}","tom":"{{Day(-5)}}","grad":100}""", ["tom"] },
            { "sykmelding", sm.Replace("\"grad\":100", "\"grad\":0", StringComparison.Ordinal), ["grad"] },
            { "sykmelding", sm.Replace("\"grad\":100", "\"grad\":101", StringComparison.Ordinal), ["grad"] },
            { "sykmelding", sm.Replace(Day(-5), "1999-12-31", StringComparison.Ordinal), ["fom"] },
            { "sykmelding", sm.Replace(Day(5), "2100-01-01", StringComparison.Ordinal), ["tom"] },
            { "sykmelding", sm.Replace(Day(5), "2024-02-30", StringComparison.Ordinal), ["tom"] },
            { "sykmelding", sm.Replace("\"grad\":100", "\"grad\":\"full\"", StringComparison.Ordinal), ["grad"] },
            { "sykmelding", sm.Replace("\"id\":\"sm-1\"", "\"id\":\" \"", StringComparison.Ordinal), ["id"] },
            { "sykmelding", sm.Replace("\"orgnr\"", "\"orgNr\"", StringComparison.Ordinal), ["orgNr"] },
            { "sykmelding", $$"""{"fnr":"{badFnr}","fom":"{{Day(5)}}","tom":"{{Day(-5)}}","grad":0,"orgnr":"1"}""", ["id", "fnr", "tom", "grad", "orgnr"] },
            { "sykmelding", $$"""{"fnr":"{{fnr}}"}""", ["id", "fom", "tom", "grad"] },
            { "sykmeldingKorrigert", $$"""{"id":"k-1","fnr":"{{fnr}}","fom":"{{Day(-5)}}","tom":"{{Day(5)}}","grad":100}""", ["sykmeldingId"] },
            { "sykmeldingAvbrutt", $$"""{"id":"a-1","fnr":"{{fnr}}","sykmeldingId":""}""", ["sykmeldingId"] },
            { "friskmelding", $$"""{"id":"f-1","fnr":"{{fnr}}","dato":"31.01.2024"}""", ["dato"] },
            { "oppfolgingsplanDelt", $$"""{"id":"p-1","fnr":"{{fnr}}","mottaker":"ALLE"}""", ["mottaker"] },
            { "motebehov", $$"""{"id":"m-1","fnr":"{{fnr}}","fra":"ARBEIDSTAKER","harBehov":"ja"}""", ["harBehov"] },
            { "dialogmote", $$"""{"id":"d-1","fnr":"{{fnr}}","motetype":4,"status":"UNNTAK","dato":"{{Day(0)}}"}""", ["motetype", "begrunnelse"] },
            { "aktivitetskravVurdering", $$"""{"id":"v-1","fnr":"{{fnr}}","utfall":"IKKE_OPPFYLT"}""", ["arsak"] },
            { "aktivitetskravVurdering", $$"""{"id":"v-1","fnr":"{{fnr}}","utfall":"OPPFYLT","svarfrist":"{{Day(30)}}"}""", ["svarfrist"] },
            { "aktivitetskravVurdering", $$"""{"id":"v-1","fnr":"{{fnr}}","utfall":"IKKE_OPPFYLT","arsak":"x","svarfrist":"{{Day(7)}}"}""", ["svarfrist"] },
            { "friskmeldingTilArbeidsformidling", $$"""{"id":"t-1","fnr":"{{fnr}}","fom":"{{Day(0)}}","tom":"{{Day(84)}}"}""", ["tom"] },
            { "dodsfall", $$"""{"id":"x-1","fnr":"{{fnr}}","dato":"{{Day(1)}}"}""", ["dato"] },
            { "forhandsvarselSvar", $$"""{"id":"s-1","fnr":"{{fnr}}","at":"yesterday"}""", ["at"] },
            { "sykmelding", $$"""{"id":"sm-1","fnr":"{{fnr}}","fom":"{{Day(-5)}}","tom":"{{Day(5)}}","grad":100,"grad":50}""", ["grad"] },
            { "sykmelding", """{"id":"sm-1","fnr":""", ["body"] },
            { "sykmelding", """["not", "an", "object"]""", ["body"] },
        };
    }

    [Theory]
    [MemberData(nameof(BadEvents))]
    public async Task A_bad_event_is_refused_naming_every_bad_field_and_nothing_is_started(string type, string template, string[] fields)
    {
        var fnr = TestPeople.NewFnr();
        var body = template.Replace("{fnr}", fnr, StringComparison.Ordinal)
            .Replace("{badFnr}", TestPeople.WithWrongCheckDigit(fnr), StringComparison.Ordinal);

        using var response = await _api.PostRawEventAsync(type, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ApiClient.ReadAsync(response);
        Assert.Equal(400, (int)problem["status"]!);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(fields.Order(StringComparer.Ordinal), errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.NotEmpty(e.Value!.AsArray()));
        Assert.DoesNotContain(fnr, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingStartedAsync(fnr);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413_problem_details()
    {
        var fnr = TestPeople.NewFnr();
        var body = $$"""{"id":"sm-big","fnr":"{{fnr}}","fom":"{{Day(0)}}","tom":"{{Day(1)}}","grad":100,"orgnr":"{{new string('9', 70_000)}}"}""";

        using var response = await _api.PostRawEventAsync("sykmelding", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingStartedAsync(fnr);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_with_415()
    {
        using var response = await _api.PostRawEventAsync("friskmelding", "id=1", contentType: "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_search_without_a_valid_fnr_is_refused()
    {
        using var response = await _api.SendAsync(
            HttpMethod.Post, "/api/v1/cases/search",
            new StringContent("""{"fnr":"12345678901"}""", System.Text.Encoding.UTF8, "application/json"),
            ApiClient.Token("veileder"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiClient.ReadAsync(response))["errors"]!.AsObject().ContainsKey("fnr"));
    }

    private async Task AssertNothingStartedAsync(string fnr)
    {
        var handle = engine.Temporal.GetWorkflowHandle(engine.WorkflowIdOf(fnr));
        var error = await Assert.ThrowsAsync<RpcException>(() => handle.DescribeAsync());
        Assert.Equal(RpcException.StatusCode.NotFound, error.Code);
        var person = engine.Pseudonym.Of(Domain.Input.Fodselsnummer.Parse(fnr));
        Assert.Equal(0, await engine.Database.ScalarAsync("SELECT count(*) FROM accepted_event WHERE person_ref = $1", person));
    }
}
