using System.Text.Json;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Audit;

namespace Kboss.Application.Common;

/// <summary>Builds audit entries; add them to the context before the single SaveChanges of the use case.</summary>
public static class Audit
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>An entry for <paramref name="action"/> on <paramref name="entityType"/> <paramref name="entityId"/> by the caller.</summary>
    /// <param name="detail">Anything serialisable; never put a secret in it.</param>
    public static AuditEntry Entry(ICurrentUser user, string action, string entityType, string entityId, object detail) => new()
    {
        UserId = user.UserId,
        OrgId = user.OrgId,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        Detail = JsonSerializer.Serialize(detail, Json),
    };
}
