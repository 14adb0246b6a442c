using Kboss.Application;
using Kboss.Application.Common.Behaviours;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Cpcc;
using Kboss.Application.Cpcc.Widgets;
using Kboss.Infrastructure;
using Kboss.Infrastructure.Security;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Kboss.WebApi.OpenApi;
using Kboss.WebApi.Ops;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(k => k.ConfigureServerLimits());
builder.Services.AddKbossRateLimits(builder.Configuration);
builder.Services.AddTrustedProxies(builder.Configuration);
if (string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
    builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true); // one JSON object per line (ADR 0019)

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddMemoryCache(o => o.SizeLimit = 10_000);
builder.Services.AddMediator(o =>
{
    o.ServiceLifetime = ServiceLifetime.Scoped;
    o.Assemblies = [typeof(CenterGuard)];
    o.PipelineBehaviors = [typeof(OrgScopeBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(LockRetryBehaviour<,>)];
});

builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, CurrentUser>();
builder.Services.AddScoped<IRequestContext, HttpRequestContext>();
// WeChat login and pay (issue 12)
builder.Services.AddScoped<IBrowserSession, BrowserSession>();
builder.Services.AddControllers(o =>
{
    // Requests are bound only by [FromLegacyParams], which reads the form itself and turns unreadable bodies into
    // invalid_argument; MVC's own form value providers would fail first with a 500.
    foreach (var form in o.ValueProviderFactories.Where(f => f is Microsoft.AspNetCore.Mvc.ModelBinding.FormValueProviderFactory
                 or Microsoft.AspNetCore.Mvc.ModelBinding.JQueryFormValueProviderFactory
                 or Microsoft.AspNetCore.Mvc.ModelBinding.FormFileValueProviderFactory).ToList())
        o.ValueProviderFactories.Remove(form);
    o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter());
    o.Filters.Add<EnvelopeExceptionFilter>();
    o.Filters.Add<CsrfFilter>();
    o.Filters.Add<FileReplyFilter>();
});
builder.Services.AddOptions<JsonOptions>().Configure<IPlatformSettings>((o, s) => WireJson.Configure(o.JsonSerializerOptions, s.TimeZone));

builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
    .Configure<JwtSigningKey, JwtTokenService>((o, key, tokens) =>
{
    o.MapInboundClaims = false;
    o.TokenValidationParameters = key.ValidationParameters();
    o.Events = new JwtBearerEvents
    {
        OnMessageReceived = ctx =>
        {
            if (string.IsNullOrEmpty(ctx.Request.Headers.Authorization) && ctx.Request.Cookies.TryGetValue(SessionCookies.TokenCookie, out var cookie))
            {
                ctx.Token = cookie;
                ctx.HttpContext.Items[SessionCookies.FromCookieItem] = true;
            }
            return Task.CompletedTask;
        },
        OnTokenValidated = async ctx =>
        {
            await tokens.RefreshRevokedAsync(ctx.HttpContext.RequestAborted); // logouts on other nodes
            if (ctx.Principal is null || tokens.IsRevoked(ctx.Principal)) ctx.Fail("token revoked");
            else if (ctx.HttpContext.Items.ContainsKey(SessionCookies.FromCookieItem)) ctx.HttpContext.Items[SessionCookies.ViaCookieItem] = true;
        },
        OnChallenge = ctx =>
        {
            ctx.HandleResponse();
            var msg = ctx.AuthenticateFailure is null ? "请先登录" : "登录已失效,请重新登录";
            return Envelope.WriteAsync(ctx.HttpContext, StatusCodes.Status401Unauthorized, msg, "unauthenticated");
        },
        OnForbidden = ctx => Envelope.WriteAsync(ctx.HttpContext, StatusCodes.Status403Forbidden, "无权限访问该接口", "forbidden"),
    };
});
builder.Services.AddAuthorization(Policies.Add);
builder.Services.AddKbossHealthChecks();
builder.Services.AddKbossMetrics(builder.Configuration);

builder.Services.AddOpenApiDocument((s, services) =>
{
    s.Title = "kboss";
    s.Version = "v1";
    s.Description = "kboss 算力市场后端: 文档化接口 (legacy .dspy contract) 与登录。Envelope: {status, msg, data, code?, errors?}.";
    s.SchemaSettings.TypeNameGenerator = new UniqueSchemaNames(); // no BindEip2 (ADR 0048)
    // OpenAPI bodies, security and operation names (issue 10, ADR 0024)
    s.OperationProcessors.Add(new LegacyParamsOperationProcessor(new RequiredParameters(services)));
    var security = new SecurityRequirementsProcessor();
    s.OperationProcessors.Add(security);
    s.DocumentProcessors.Add(security);
    s.DocumentProcessors.Add(new DocumentedOperationIdsProcessor());
    s.DocumentProcessors.Add(new FlatFieldsRequestsProcessor());
});

var app = builder.Build();

using (var scope = app.Services.CreateScope())
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
if (app.Services.GetRequiredService<KbossOptions>().AllowAnonymousOrgOverride && !app.Environment.IsDevelopment())
    throw new InvalidOperationException("Auth:AllowAnonymousOrgOverride is allowed only in the Development environment.");
// Leases (issue 13): running the lease jobs for a later day is a walk-through aid, off by default (ADR 0039)
if (app.Services.GetRequiredService<Kboss.Application.Lease.LeaseSettings>().AllowRunAsOf)
    app.Logger.LogWarning("Lease:AllowRunAsOf is on: admins may recycle leases before they end (walk-throughs only)");

app.UseTrustedProxies(app.Configuration);
app.UseEnvelopeExceptionHandler();
app.UseServerLimits();
app.UseEnvelopeStatusPages();
app.UseOpenApi(o =>
{
    o.Path = "/swagger/v1/swagger.json";
    o.PostProcess = (d, _) => d.Servers.Clear(); // the document must not depend on the host it was fetched from
});
app.UseSwaggerUi(o =>
{
    o.Path = "/swagger";
    o.DocumentPath = "/swagger/v1/swagger.json";
    o.PersistAuthorization = true; // "Authorize" once, then "Try it out" sends the bearer token (ADR 0024)
});
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapControllers();
app.MapKbossHealthChecks();
app.MapKbossMetrics();
app.Run();

/// <summary>Entry point (public for WebApplicationFactory in the integration tests).</summary>
public partial class Program;
