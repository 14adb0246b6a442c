using Microsoft.AspNetCore.Mvc.Routing;

namespace Kboss.WebApi.Contract;

/// <summary>
/// A documented GET endpoint: answers GET and, with the same parameters (query merged with the body), POST
/// (ARCHITECTURE.md §2: the legacy server merged them).
/// </summary>
public sealed class LegacyGetAttribute(string template) : HttpMethodAttribute(["GET", "POST"], template);

/// <summary>A documented POST endpoint.</summary>
public sealed class LegacyPostAttribute(string template) : HttpMethodAttribute(["POST"], template);
