using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Catalog;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Catalog;

/// <summary>
/// <c>GET /product/get_resource_expire_time.dspy</c> 资源到期预警: the user's live resources expiring within the next
/// <see cref="GetResourceExpireTimeHandler.WindowDays"/> days, soonest first, with <c>days</c> = whole days left
/// (rounded up). <c>userid</c> as in <see cref="ResourceOverview"/>. analysis §3.1.19.
/// </summary>
public sealed record GetResourceExpireTime : IQuery<Reply<IReadOnlyList<ExpiringResource>>>
{
    /// <summary>不是必传参数: the user (default the caller).</summary>
    public string? Userid { get; init; }
}

/// <summary>A resource about to expire (doc shape).</summary>
public sealed record ExpiringResource
{
    /// <summary>Resource id.</summary>
    public string Id { get; init; } = "";
    /// <summary>Name.</summary>
    public string Name { get; init; } = "";
    /// <summary>Instance id.</summary>
    public string? Instanceid { get; init; }
    /// <summary>The resource's own status.</summary>
    public string Status { get; init; } = "";
    /// <summary>Expiry (platform time).</summary>
    public DateTime Expiretime { get; init; }
    /// <summary>Whole days left, rounded up.</summary>
    public int Days { get; init; }
}

public sealed class GetResourceExpireTimeValidator : AbstractValidator<GetResourceExpireTime>
{
    public GetResourceExpireTimeValidator() => RuleFor(x => x.Userid).MaxChars(32);
}

/// <summary>Handles <see cref="GetResourceExpireTime"/>: one indexed query on (user, expiry).</summary>
public sealed class GetResourceExpireTimeHandler(IKbossDbContext db, MarketplaceAccess access, TimeProvider clock)
    : IQueryHandler<GetResourceExpireTime, Reply<IReadOnlyList<ExpiringResource>>>
{
    /// <summary>Warning window in days (analysis §6 #11 default).</summary>
    public const int WindowDays = 7;

    public async ValueTask<Reply<IReadOnlyList<ExpiringResource>>> Handle(GetResourceExpireTime q, CancellationToken ct)
    {
        var userId = await access.ResolveUserAsync(q.Userid, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.AddDays(WindowDays);
        var rows = await db.CustomerResources.AsNoTracking()
            .Where(r => r.UserId == userId && r.ExpireTime != null && r.ExpireTime >= now && r.ExpireTime <= until)
            .OrderBy(r => r.ExpireTime).ThenBy(r => r.Id).ToListAsync(ct);
        return Reply.Ok<IReadOnlyList<ExpiringResource>>("查找成功", rows.Select(r => new ExpiringResource
        {
            Id = r.Id, Name = r.Name, Instanceid = r.InstanceId, Status = r.Status, Expiretime = r.ExpireTime!.Value,
            Days = CatalogRules.DaysLeft(r.ExpireTime.Value, now),
        }).ToList());
    }
}
