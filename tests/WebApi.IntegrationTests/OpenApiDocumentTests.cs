using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentValidation;
using Kboss.WebApi.Contract;
using Kboss.WebApi.IntegrationTests.Harness;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// The OpenAPI document against what the app does (ADR 0024): <c>required</c> against the validators, secrets
/// only in bodies, security requirements against what an anonymous call gets. Each check runs over every operation,
/// so endpoints added later are covered without per-endpoint code.
/// </summary>
public sealed partial class OpenApiDocumentTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>Every operation that binds a <c>[FromLegacyParams]</c> request, with the request's type.</summary>
    private IEnumerable<(string Method, string Path, Type Request)> LegacyOperations() =>
        app.Factory.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .Select(d => (d, p: d.ParameterDescriptions
                .FirstOrDefault(p => p.Source == FromLegacyParamsAttribute.Source)))
            .Where(x => x.p?.ModelMetadata?.ModelType is not null && x.d.HttpMethod is not null)
            .Select(x => (x.d.HttpMethod!.ToLowerInvariant(), "/" + x.d.RelativePath!.TrimStart('/'),
                x.p!.ModelMetadata.ModelType));

    /// <summary>
    /// The committed document (<c>WireContractTests</c> keeps it equal to the served one); read from the file so this
    /// class does not generate the document in parallel with that test.
    /// </summary>
    private static async Task<JsonNode> DocumentAsync() => JsonNode.Parse(await File.ReadAllTextAsync(
        Path.Combine(AppContext.BaseDirectory, "contract", "openapi.committed.json")))!;

    /// <summary>
    /// Both ways: a parameter is <c>required</c> in the document exactly when the app's validators refuse a request
    /// that has every other parameter and lacks it with a <c>Required()</c> (NotEmpty) failure on it; a rule under
    /// <c>When</c> (e.g. wlwl_parameter_save's price unless deleting) is not "always" and stays optional.
    /// </summary>
    [Fact]
    public async Task Required_flags_are_the_validators_Required_rules_both_ways()
    {
        var doc = await DocumentAsync();
        var mismatches = new List<string>();
        var checkedParameters = 0;
        foreach (var (method, path, request) in LegacyOperations())
        {
            var op = doc["paths"]?[path]?[method];
            if (op is null) { mismatches.Add($"{method} {path} is not in the document"); continue; }
            var documented = OpenApiOperations.Parameters(doc, op).ToDictionary(p => p.Name, p => p.Required);
            foreach (var property in request.GetProperties().Where(p => p.CanWrite))
            {
                var name = Application.DependencyInjection.WireName(property);
                var demanded = await ValidatorsDemandAsync(request, property);
                if (!documented.TryGetValue(name, out var required))
                    mismatches.Add($"{method} {path}: {name} is not documented");
                else if (required != demanded && !(demanded && OnlyUnderCondition(request, property)))
                    mismatches.Add($"{method} {path}: {name} documented required={required}, "
                        + $"validators demand={demanded}");
                checkedParameters++;
            }
        }
        mismatches.Should().BeEmpty();
        checkedParameters.Should().BeGreaterThan(500);
    }

    /// <summary>A required field is never nullable in a request schema — also a field of a fields base that other
    /// requests have as optional (FlatFieldsRequestsProcessor), so generated clients type it as required.</summary>
    [Fact]
    public async Task A_required_field_of_a_request_schema_is_never_nullable()
    {
        var doc = await DocumentAsync();
        var nullable = doc["components"]!["schemas"]!.AsObject()
            .SelectMany(s => (s.Value!["required"]?.AsArray() ?? []).Select(r => r!.GetValue<string>())
                .Where(r => s.Value!["properties"]?[r]?["nullable"]?.GetValue<bool>() == true)
                .Select(r => $"{s.Key}.{r}"))
            .ToList();
        nullable.Should().BeEmpty();
        doc["components"]!["schemas"]!["BindEip"]!["properties"]!["EIPId"]!["nullable"]!.GetValue<bool>()
            .Should().BeFalse("a field of the EipNetBinding base");
    }

    private async Task<bool> ValidatorsDemandAsync(Type request, PropertyInfo missing)
    {
        var instance = Activator.CreateInstance(request)!;
        var others = request.GetProperties().Where(p => p.CanWrite && p.PropertyType == typeof(string) && p != missing);
        foreach (var p in others)
            p.SetValue(instance, "x");
        var validators = Validators(request);
        var context = (IValidationContext)Activator.CreateInstance(
            typeof(ValidationContext<>).MakeGenericType(request), instance)!;
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(context);
            if (result.Errors.Any(e => e.ErrorCode == "NotEmptyValidator"
                    && (e.PropertyName == missing.Name
                        || e.PropertyName == Application.DependencyInjection.WireName(missing))))
                return true;
        }
        return false;
    }

    private IEnumerable<IValidator> Validators(Type request) =>
        app.Factory.Services.GetServices(typeof(IValidator<>).MakeGenericType(request)).OfType<IValidator>();

    private bool OnlyUnderCondition(Type request, PropertyInfo property) =>
        Validators(request)
            .SelectMany(v => v.CreateDescriptor().GetRulesForMember(property.Name)
                .Concat(v.CreateDescriptor().GetRulesForMember(Application.DependencyInjection.WireName(property))))
            .Where(r => r.Components.Any(c => c.Validator is FluentValidation.Validators.INotEmptyValidator))
            .All(r => r.HasCondition || r.HasAsyncCondition
                || r.Components.All(c =>
                    c.Validator is not FluentValidation.Validators.INotEmptyValidator || c.HasCondition));

    [Fact]
    public async Task No_POST_operation_takes_a_secret_in_the_query_and_login_takes_its_password_in_the_body()
    {
        var doc = await DocumentAsync();
        var leaks = new List<string>();
        foreach (var (path, item) in doc["paths"]!.AsObject())
        {
            if (item!["post"] is not { } op) continue;
            foreach (var p in op["parameters"]?.AsArray() ?? [])
                if (p!["in"]!.GetValue<string>() == "query" && p["deprecated"]?.GetValue<bool>() != true
                    && Secret().IsMatch(p["name"]!.GetValue<string>()))
                    leaks.Add($"POST {path}: {p["name"]}");
        }
        leaks.Should().BeEmpty();

        var login = doc["paths"]!["/user/login.dspy"]!["post"]!;
        var body = OpenApiOperations.BodySchema(doc, login)!;
        body["properties"]!["password"].Should().NotBeNull();
        body["required"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Contain(["username", "password"]);
        login["requestBody"]!["content"]!["application/x-www-form-urlencoded"].Should().NotBeNull();
        var centre = doc["paths"]!["/dev/cpcc/cpclist/add_cpclist.dspy"]!["post"]!;
        OpenApiOperations.BodySchema(doc, centre)!["required"]!.AsArray().Select(n => n!.GetValue<string>())
            .Should().Contain(["pcapi_url", "api_user", "api_pwd"]);
    }

    /// <summary>
    /// An operation carries the bearer requirement exactly when an anonymous call is refused with 401 and a
    /// <c>Bearer</c> challenge; the pcapi Basic requirement exactly when it is refused with a Basic challenge; none
    /// when it is served without a login.
    /// </summary>
    [Fact]
    public async Task Operations_needing_a_login_carry_the_bearer_requirement_and_public_ones_none()
    {
        var doc = await DocumentAsync();
        var anonymous = app.Anonymous();
        var wrong = new List<string>();
        var counts = new Dictionary<string, int>();
        foreach (var (path, item) in doc["paths"]!.AsObject())
            foreach (var (method, op) in item!.AsObject())
            {
                if (path.StartsWith("/test/", StringComparison.Ordinal)) continue;
                var declared = (op!["security"]?.AsArray() ?? []).SelectMany(r => r!.AsObject().Select(s => s.Key))
                    .DefaultIfEmpty("none").Single();
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path);
                if (method == "post") request.Content = new FormUrlEncodedContent([]);
                using var answer = await anonymous.Http.SendAsync(request);
                var challenge = answer.Headers.WwwAuthenticate.FirstOrDefault()?.Scheme;
                var needs = (int)answer.StatusCode != 401 ? "none"
                    : string.Equals(challenge, "Basic", StringComparison.OrdinalIgnoreCase) ? "pcapi_basic" : "bearer";
                if (needs != declared)
                    wrong.Add($"{method} {path}: declares {declared}, an anonymous call shows {needs}");
                counts[declared] = counts.GetValueOrDefault(declared) + 1;
            }
        wrong.Should().BeEmpty();
        counts.Keys.Should().BeEquivalentTo(["bearer", "pcapi_basic", "none"]);
        doc["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>().Should().Be("bearer");
    }

    [Fact]
    public async Task Swagger_UI_keeps_the_authorization_for_try_it_out()
    {
        var page = await app.Anonymous().Http.GetStringAsync("/swagger/index.html");
        page.Should().MatchRegex(@"persistAuthorization:\s*true");
    }

    /// <summary>
    /// No schema name carries NJsonSchema's de-duplication suffix (UCloud's <c>BindEip</c> next to Capital Online's
    /// was <c>BindEip2</c>): a name ending in digits whose stem is another schema's name, and the guard that makes
    /// such a clash fail the generation instead.
    /// </summary>
    [Fact]
    public async Task Schema_names_are_unique_without_a_numeric_suffix()
    {
        var names = (await DocumentAsync())["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToHashSet();
        names.Where(n => Suffixed().Match(n) is { Success: true } m && names.Contains(m.Groups[1].Value))
            .Should().BeEmpty();
        names.Should().Contain(["BindEip", "UCloudBindEip", "GetEipPrice", "UCloudGetEipPrice", "DescribeEip",
            "UCloudDescribeEip"]);

        var guard = new OpenApi.UniqueSchemaNames();
        guard.Generate(new NJsonSchema.JsonSchema(), "Kboss.X.BindEip", ["GetEipPrice"]).Should().Be("BindEip");
        FluentActions.Invoking(() => guard.Generate(new NJsonSchema.JsonSchema(), "Kboss.X.BindEip", ["BindEip"]))
            .Should().Throw<InvalidOperationException>().WithMessage("*'BindEip'*'BindEip2'*");
    }

    /// <summary>
    /// A query parameter named after a JavaScript reserved word (CDS <c>Delete</c>) keeps its wire name and carries
    /// <c>x-originalName</c> <c>delete_</c>, the argument name of generated clients (scripts/test-ts-client.sh sends
    /// it); no other query parameter has one.
    /// </summary>
    [Fact]
    public async Task A_reserved_word_parameter_gets_a_client_variable_name_and_keeps_its_wire_name()
    {
        var doc = await DocumentAsync();
        var named = doc["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().SelectMany(m => (m.Value!["parameters"]?.AsArray() ?? [])
                .Where(x => x!["in"]!.GetValue<string>() == "query" && x["x-originalName"] is not null)
                .Select(x => $"{m.Key} {p.Key} {x!["name"]} {x["x-originalName"]}")))
            .ToList();
        named.Should().Equal("get /capital/bandwidth_remove_eip.dspy Delete delete_");
    }

    /// <summary>
    /// <c>缺少必要参数: X</c> names a parameter the request documents, under its wire name (its
    /// <c>[JsonPropertyName]</c>, e.g. CDS's <c>AvailableZoneCode</c>, or snake_case), also for rules written against
    /// an interface the request implements: for each request, each parameter is left out in turn.
    /// </summary>
    [Fact]
    public async Task Missing_parameter_messages_name_documented_wire_names()
    {
        var wrong = new List<string>();
        var messages = 0;
        foreach (var request in LegacyOperations().Select(o => o.Request).Distinct())
        {
            var documented = request.GetProperties().Where(p => p.CanWrite)
                .Select(p => Application.DependencyInjection.WireName(p)).ToHashSet();
            foreach (var missing in request.GetProperties().Where(p => p.CanWrite))
                foreach (var message in await MissingMessagesAsync(request, missing))
                {
                    messages++;
                    var name = message["缺少必要参数: ".Length..].Split(' ', ',', '，', '或', '/')[0];
                    if (!documented.Contains(name)) wrong.Add($"{request.Name} without {missing.Name}: {message}");
                }
        }
        wrong.Distinct().Should().BeEmpty();
        messages.Should().BeGreaterThan(300);
    }

    private async Task<IEnumerable<string>> MissingMessagesAsync(Type request, PropertyInfo missing)
    {
        var instance = Activator.CreateInstance(request)!;
        foreach (var p in request.GetProperties().Where(p => p.CanWrite && p.PropertyType == typeof(string)))
            p.SetValue(instance, p == missing ? null : "x");
        var found = new List<string>();
        foreach (var validator in Validators(request))
        {
            var context = (IValidationContext)Activator.CreateInstance(
                typeof(ValidationContext<>).MakeGenericType(request), instance)!;
            found.AddRange((await validator.ValidateAsync(context)).Errors.Select(e => e.ErrorMessage)
                .Where(m => m.StartsWith("缺少必要参数: ", StringComparison.Ordinal)));
        }
        return found;
    }

    [GeneratedRegex(@"^(.*\D)(\d+)$")]
    private static partial Regex Suffixed();

    [GeneratedRegex("pass|pwd|secret|token", RegexOptions.IgnoreCase)]
    private static partial Regex Secret();
}
