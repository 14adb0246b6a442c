using System.Text.Json;
using System.Text.Json.Nodes;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>The wire contract of ARCHITECTURE.md §2 and the documented endpoint list.</summary>
public sealed class WireContractTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>Modules whose every documented endpoint must be routed with its documented parameters.</summary>
    private static readonly string[] FinishedModules = ["04", "06", "07", "36", "37", "38", "39", "40", "41", "43"];

    /// <summary>Documented endpoints of finished modules that belong to a later issue.</summary>
    private static readonly string[] Deferred =
    [
        // They need the cluster executor (pcapi / SSH / Kubernetes, Application/Cpcc/Executor/IClusterExecutor.cs),
        // which is the next container-cloud step; their database side is in place.
        "GET /dev/cpcc/cpcbuy/determine_accommodat.dspy", // B2: dynamic stage asks the cluster
        "POST /dev/cpcc/cpccluster/new_cluster.dspy",     // K10: installs a control plane over SSH
        "POST /computing/cpcluster_delete.dspy",          // K11: tears a cluster down
        // pcapi (36) served by kboss: P1, P5–P8 are routed; these four need the SSH installs and the manifest renderer.
        "GET /pcapi/api/v1/cluster/common/determine_accommodat", // P2: capacity check
        "POST /pcapi/api/v1/cluster/common/new_cluster",         // P3: kubeadm init over SSH
        "POST /pcapi/api/v1/cluster/common/new_worker",          // P4: kubeadm join over SSH
        "POST /pcapi/api/v1/cluster/common/yaml_apply_delete",   // P9: apply/delete an instance's manifests
        "GET /product/publish_product_to_excel.dspy", // Excel export issue (needs EPPlus, with publish_product_search?to_excel=1)
    ];

    [Fact]
    public async Task Every_documented_endpoint_of_finished_modules_is_routed_with_its_documented_parameters()
    {
        var spec = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "contract", "endpoints.json")))!.AsArray();
        var doc = JsonNode.Parse(await app.Anonymous().Http.GetStringAsync("/swagger/v1/swagger.json"))!;
        var checkedCount = 0;
        foreach (var e in spec.Where(e => FinishedModules.Contains(e!["module_file"]!.GetValue<string>()[..2])))
        {
            var method = e!["method"]!.GetValue<string>();
            var path = e["path"]!.GetValue<string>();
            if (Deferred.Contains($"{method} {path}")) continue;
            var op = doc["paths"]?[path]?[method.ToLowerInvariant()];
            op.Should().NotBeNull($"{method} {path} is documented");
            var declared = op!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToHashSet();
            foreach (var name in e["params"]!.AsArray().Select(p => p!.GetValue<string>()))
                declared.Should().Contain(name, $"{method} {path} documents {name}");
            checkedCount++;
        }
        checkedCount.Should().Be(51); // 36: 5 of 9; 37: 4, 38: 4, 39: 4, 40: 9, 41: 5, 43: 1; 04: 14 of 15; 06: 2; 07: 3
    }

    [Fact]
    public async Task Committed_openapi_document_matches_what_the_app_serves()
    {
        var served = await app.Anonymous().Http.GetStringAsync("/swagger/v1/swagger.json");
        var committedPath = Path.Combine(AppContext.BaseDirectory, "contract", "openapi.committed.json");
        File.Exists(committedPath).Should().BeTrue("clients/openapi.json must be committed (scripts/update-openapi.sh)");
        var committed = await File.ReadAllTextAsync(committedPath);
        Normalize(served).Should().Be(Normalize(committed), "clients/openapi.json is stale: run scripts/update-openapi.sh");
    }

    private static string Normalize(string json)
    {
        var node = JsonNode.Parse(json)!;
        node["paths"]!.AsObject().Remove("/test/boom"); // the test-only controller below
        return JsonSerializer.Serialize(node, new JsonSerializerOptions { WriteIndented = true });
    }

    [Fact]
    public async Task Unknown_paths_and_methods_get_a_404_envelope()
    {
        var r = await app.Anonymous().GetAsync("/no/such/endpoint.dspy");
        r.Http.Should().Be(404);
        r.Status.Should().BeFalse();
        r.Code.Should().Be("unknown_path");
        var m = await app.Anonymous().Http.DeleteAsync("/dev/cpcc/cpcwidget/accrual_price.dspy");
        ((int)m.StatusCode).Should().Be(404);
        (await m.Content.ReadAsStringAsync()).Should().Contain("\"status\":false");
    }

    [Fact]
    public async Task Unhandled_errors_get_a_500_envelope_with_a_trace_id_and_nothing_internal()
    {
        var r = await app.Anonymous().GetAsync("/test/boom");
        r.Http.Should().Be(500);
        r.Status.Should().BeFalse();
        r.Code.Should().Be("internal");
        r.Body["trace_id"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        r.Raw.Should().NotContain("secret-detail").And.NotContain("at Kboss");
    }

    [Fact]
    public async Task Malformed_bodies_are_invalid_argument_not_500()
    {
        var content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        var r = await Response.ReadAsync(await app.Anonymous().Http.PostAsync("/dev/cpcc/cpcwidget/accrual_price.dspy", content));
        r.Http.Should().Be(200);
        r.Code.Should().Be("invalid_argument");
        var arr = new StringContent("[1,2]", System.Text.Encoding.UTF8, "application/json");
        (await Response.ReadAsync(await app.Anonymous().Http.PostAsync("/dev/cpcc/cpcwidget/accrual_price.dspy", arr))).Code.Should().Be("invalid_argument");
    }

    [Fact]
    public async Task Parameter_names_with_a_stray_trailing_space_and_numbers_for_strings_bind()
    {
        var body = new JsonObject { ["cpcid "] = "AROU9udKtPNyh0AZtO_WY", ["resources"] = JsonNode.Parse("""[{"type":"disk","model":"DATA","amount":10}]"""), ["duration"] = 2 };
        var r = await Response.ReadAsync(await app.Anonymous().Http.PostAsync("/dev/cpcc/cpcwidget/accrual_price.dspy",
            new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json")));
        r.Status.Should().BeTrue(r.Raw);
        r.Data!["total_price"]!.GetValue<decimal>().Should().Be(0.2m);
        r.Data["duration"]!.GetValue<string>().Should().Be("2");
    }
}

/// <summary>A controller that fails on purpose, added only in tests, to check the 500 envelope.</summary>
[AllowAnonymous]
public sealed class ThrowingController : ControllerBase
{
    [HttpGet("/test/boom")]
    public IActionResult Boom() => throw new InvalidOperationException("secret-detail: connection string Server=db;Password=x");
}
