using Kboss.WebApi.Contract;
using Microsoft.AspNetCore.Authorization;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Kboss.WebApi.OpenApi;

/// <summary>
/// Declares the security schemes and puts on each operation the one it needs, read from the endpoint's metadata
/// (ADR 0024): every action needs a login (the global <c>AuthorizeFilter</c>) → <see cref="Bearer"/>;
/// <c>[AllowAnonymous]</c> → none; <see cref="PcapiBasicAuthAttribute"/> → <see cref="PcapiBasic"/> (a centre's
/// api_user/api_pwd, no kboss login).
/// </summary>
public sealed class SecurityRequirementsProcessor : IOperationProcessor, IDocumentProcessor
{
    /// <summary>The JWT from <c>POST /user/login.dspy</c> (<c>data.token</c>).</summary>
    public const string Bearer = "bearer";

    /// <summary>HTTP Basic of the pcapi endpoints.</summary>
    public const string PcapiBasic = "pcapi_basic";

    public void Process(DocumentProcessorContext context)
    {
        var schemes = context.Document.Components.SecuritySchemes;
        schemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = OpenApiSecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
            Description = "Token from POST /user/login.dspy (data.token)",
        };
        schemes[PcapiBasic] = new OpenApiSecurityScheme
        {
            Type = OpenApiSecuritySchemeType.Http, Scheme = "basic",
            Description = "pcapi: a compute centre's api_user and api_pwd",
        };
    }

    public bool Process(OperationProcessorContext context)
    {
        if (context is not AspNetCoreOperationProcessorContext aspNet) return true;
        var metadata = aspNet.ApiDescription.ActionDescriptor.EndpointMetadata;
        var scheme = metadata.OfType<PcapiBasicAuthAttribute>().Any() ? PcapiBasic
            : metadata.OfType<IAllowAnonymous>().Any() ? null
            : Bearer;
        var operation = context.OperationDescription.Operation;
        operation.Security = scheme is null ? null : [new OpenApiSecurityRequirement { [scheme] = [] }];
        return true;
    }
}
