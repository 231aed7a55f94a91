using System.Net;
using System.Text.Json.Nodes;
using Sykefravaer.Api.Tests.Infrastructure;
using Temporalio.Exceptions;
using static Sykefravaer.Api.Tests.EndToEnd.Dates;
using static Sykefravaer.Api.Tests.EndToEnd.EventTypeTests;

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
            { "aktivitetskravVurdering", $$"""{"id":"v-1","fnr":"{{fnr}}","utfall":"UNNTAK, AVVENT","arsak":"x"}""", ["utfall"] },
            { "motebehov", $$"""{"id":"m-1","fnr":"{{fnr}}","fra":"ARBEIDSGIVER, SYKMELDER","harBehov":true}""", ["fra"] },
            { "oppfolgingsplanDelt", $$"""{"id":"p-1","fnr":"{{fnr}}","mottaker":"sykmelder"}""", ["mottaker"] },
            { "oppfolgingsplanDelt", $$"""{"id":"p-1","fnr":"{{fnr}}","mottaker":0}""", ["mottaker"] },
            { "oppfolgingsplanDelt", $$"""{"id":"p-1","fnr":"{{fnr}}","mottaker":"0"}""", ["mottaker"] },
            { "dialogmote", $$"""{"id":"d-1","fnr":"{{fnr}}","motetype":1,"status":" AVHOLDT","dato":"{{Day(0)}}"}""", ["status"] },
            { "sykmelding", sm.Replace("\"grad\":100", "\"grad\":100,\"sykmeldingType\":\"Ordinary\"", StringComparison.Ordinal), ["sykmeldingType"] },
            { "sykmelding", sm.Replace("\"grad\":100", "\"grad\":\"100\"", StringComparison.Ordinal), ["grad"] },
            { "sykmelding", sm.Replace("\"grad\":100", "\"grad\":100.0", StringComparison.Ordinal), ["grad"] },
            { "dialogmote", $$"""{"id":"d-1","fnr":"{{fnr}}","motetype":"2","status":"AVHOLDT","dato":"{{Day(0)}}"}""", ["motetype"] },
            { "forhandsvarselSvar", $$"""{"id":"s-1","fnr":"{{fnr}}","at":"{{Day(0)}}T10:00:00"}""", ["at"] },
            { "forhandsvarselSvar", $$"""{"id":"s-1","fnr":"{{fnr}}","at":"{{Day(0)}}T10:00:00.123"}""", ["at"] },
            { "forhandsvarselSvar", $$"""{"id":"s-1","fnr":"{{fnr}}","at":"{{Day(0)}}"}""", ["at"] },
            { "sykmelding", sm.Replace("\"id\":\"sm-1\"", "\"id\":\"sm\\u0000-1\"", StringComparison.Ordinal), ["id"] },
            { "sykmelding", sm.Replace("\"id\":\"sm-1\"", "\"id\":\"sm-1\\n\"", StringComparison.Ordinal), ["id"] },
            { "sykmelding", sm.Replace("\"id\":\"sm-1\"", "\"id\":\"sm\\u007f\"", StringComparison.Ordinal), ["id"] },
            { "sykmelding", sm.Replace("\"id\":\"sm-1\"", "\"id\":\"sm\\ud800\"", StringComparison.Ordinal), ["id"] },
            { "sykmelding", sm.Replace("\"id\":\"sm-1\"", $"\"id\":\"{new string('x', 201)}\"", StringComparison.Ordinal), ["id"] },
            { "sykmeldingAvbrutt", $$"""{"id":"a-1","fnr":"{{fnr}}","sykmeldingId":"sm\u0000"}""", ["sykmeldingId"] },
            { "sykmeldingKorrigert", $$"""{"id":"k-1","fnr":"{{fnr}}","sykmeldingId":"{{new string('x', 201)}}","fom":"{{Day(-5)}}","tom":"{{Day(5)}}","grad":100}""", ["sykmeldingId"] },
            { "aktivitetskravVurdering", $$"""{"id":"v-1","fnr":"{{fnr}}","utfall":"IKKE_OPPFYLT","arsak":"nei\u0000"}""", ["arsak"] },
            { "aktivitetskravVurdering", $$"""{"id":"v-1","fnr":"{{fnr}}","utfall":"UNNTAK","arsak":"{{new string('x', 4001)}}"}""", ["arsak"] },
            { "dialogmote", $$"""{"id":"d-1","fnr":"{{fnr}}","motetype":1,"status":"UNNTAK","dato":"{{Day(0)}}","begrunnelse":"\u0007"}""", ["begrunnelse"] },
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

    public static TheoryData<string, string, string, string> Messages()
    {
        const string Fnr = "{fnr}";
        return new()
        {
            { "aktivitetskravVurdering", $$"""{"id":"v-1","fnr":"{{Fnr}}","utfall":"UNNTAK, AVVENT","arsak":"x"}""", "utfall", "must be one of OPPFYLT, UNNTAK, AVVENT, IKKE_OPPFYLT" },
            { "oppfolgingsplanDelt", $$"""{"id":"p-1","fnr":"{{Fnr}}","mottaker":"sykmelder"}""", "mottaker", "must be one of SYKMELDER, NAV" },
            { "dialogmote", $$"""{"id":"d-1","fnr":"{{Fnr}}","motetype":"2","status":"AVHOLDT","dato":"{{Day(0)}}"}""", "motetype", "must be a whole number" },
            { "forhandsvarselSvar", $$"""{"id":"s-1","fnr":"{{Fnr}}","at":"{{Day(0)}}T10:00:00"}""", "at", "must be a date and time with offset, e.g. 2024-01-02T08:00:00+01:00" },
            { "sykmeldingAvbrutt", $$"""{"id":"a\u0000","fnr":"{{Fnr}}","sykmeldingId":"sm-1"}""", "id", "must not contain control characters" },
            { "sykmeldingAvbrutt", $$"""{"id":"{{new string('x', 201)}}","fnr":"{{Fnr}}","sykmeldingId":"sm-1"}""", "id", "must be at most 200 characters" },
            { "aktivitetskravVurdering", $$"""{"id":"v-1","fnr":"{{Fnr}}","utfall":"UNNTAK","arsak":"\u0000"}""", "arsak", "must not contain control characters" },
        };
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task A_refused_field_is_told_what_it_must_be(string type, string template, string field, string message)
    {
        var body = template.Replace("{fnr}", TestPeople.NewFnr(), StringComparison.Ordinal);

        using var response = await _api.PostRawEventAsync(type, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ApiClient.ReadAsync(response))["errors"]!.AsObject();
        Assert.Equal([message], errors[field]!.AsArray().Select(m => (string?)m));
    }

    [Theory]
    [InlineData("Z")]
    [InlineData("+01:00")]
    [InlineData("-03:30")]
    public async Task An_instant_with_its_offset_and_a_reason_on_several_lines_are_accepted(string offset)
    {
        var body = new { id = NewId("dm"), fnr = TestPeople.NewFnr(), at = $"{Day(0)}T08:00:00{offset}", motetype = 1, status = "UNNTAK", dato = Day(0), begrunnelse = "Arbeidstaker er tilbake.\r\n\tIkke behov." };

        using var response = await _api.PostEventAsync("dialogmote", body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Through Kestrel, not the in-memory test server: the server's own body limit is what refused a chunked
    /// body (no Content-Length) with an exception, a 500.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_oversized_body_is_refused_with_413_by_the_real_server_with_or_without_its_length(bool chunked)
    {
        await using var api = new ApiFactory(engine.SettingsFor(engine.TemporalAddress), engine.Logs);
        api.UseKestrel(0);
        api.StartServer();
        // Not CreateClient: its redirect handler buffers the body, which gives it a Content-Length.
        var client = new ApiClient(api.CreateDefaultClient());
        var fnr = TestPeople.NewFnr();
        var body = $$"""{"id":"sm-big","fnr":"{{fnr}}","fom":"{{Day(0)}}","tom":"{{Day(1)}}","grad":100,"orgnr":"{{new string('9', 70_000)}}"}""";
        HttpContent content = chunked ? new UnknownLengthContent(body) : new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.SendAsync(HttpMethod.Post, "/api/v1/events/sykmelding", content, ApiClient.Token("events.write"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(engine.Logs.Lines, line => line.Contains("Request body too large", StringComparison.Ordinal));
        await AssertNothingStartedAsync(fnr);
    }

    [Fact]
    public async Task The_openapi_document_describes_numbers_as_numbers_only()
    {
        using var response = await _api.SendAsync(HttpMethod.Get, "/openapi/v1.json", null, null);
        var document = await ApiClient.ReadAsync(response);

        var grad = document["components"]!["schemas"]!["SykmeldingBody"]!["properties"]!["grad"]!;
        Assert.Equal("integer", (string?)grad["type"]);
        Assert.Null(grad["pattern"]);
        var parameters = document["paths"]!["/api/v1/tasks"]!["get"]!["parameters"]!.AsArray();
        var page = parameters.Single(p => (string?)p!["name"] == "page")!["schema"]!;
        Assert.Equal("integer", (string?)page["type"]);
        Assert.Null(page["pattern"]);
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

/// <summary>A body whose length is not known up front, so it is sent chunked, without Content-Length.</summary>
internal sealed class UnknownLengthContent : HttpContent
{
    private readonly byte[] _bytes;

    public UnknownLengthContent(string body)
    {
        _bytes = System.Text.Encoding.UTF8.GetBytes(body);
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
    }

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
        stream.WriteAsync(_bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
