using Kboss.Domain.Common;

namespace Kboss.Domain.Audit;

/// <summary>
/// Audit record of a money or machine operation (price change, stock change, centre credentials, login):
/// who did what to which entity, with a JSON detail. Written in the same transaction as the change.
/// </summary>
public sealed class AuditEntry : Entity
{
    /// <summary>Acting user id, or null for the system.</summary>
    public string? UserId { get; set; }

    /// <summary>Acting user's org.</summary>
    public string? OrgId { get; set; }

    /// <summary>Dotted action name, e.g. <c>cpcc.widget.price_changed</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>Entity type, e.g. <c>widget</c>.</summary>
    public string EntityType { get; set; } = "";

    /// <summary>Entity id.</summary>
    public string EntityId { get; set; } = "";

    /// <summary>JSON detail (before/after values). Never contains secrets.</summary>
    public string Detail { get; set; } = "{}";
}
