using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Lease;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Lease;

/// <summary>The store fields shared by create_store and update_store (lease.md §3A.15, §3A.16).</summary>
public abstract record StoreFieldsRequest
{
    /// <summary>The documented body object (its fields are the other parameters).</summary>
    public string? Body { get; init; }
    /// <summary>仓库名称 (≤ 50, unique among the org's live stores).</summary>
    public string? Name { get; init; }
    /// <summary>位置.</summary>
    public string? Location { get; init; }
    /// <summary>地址.</summary>
    public string? Address { get; init; }
    /// <summary>Bandwidth unit price, 元 ≥ 0 (default 0).</summary>
    public string? BandwidthPrice { get; init; }
    /// <summary>Storage unit price, 元 ≥ 0 (default 0).</summary>
    public string? StoredPrice { get; init; }
    /// <summary>Price per public IP, 元 ≥ 0 (default 0).</summary>
    public string? IpPrice { get; init; }
    /// <summary>Creator; defaults to the caller (other values are ignored, §0.2 item 4).</summary>
    public string? UserId { get; init; }
}

/// <summary>Rules of <see cref="StoreFieldsRequest"/>.</summary>
public sealed class StoreFieldsValidator : AbstractValidator<StoreFieldsRequest>
{
    public StoreFieldsValidator()
    {
        RuleFor(x => x.Name).MaxChars(50);
        RuleFor(x => x.Location).MaxChars(200);
        RuleFor(x => x.Address).MaxChars(200);
        RuleFor(x => x.BandwidthPrice).OptionalDecimal(0, 2);
        RuleFor(x => x.StoredPrice).OptionalDecimal(0, 2);
        RuleFor(x => x.IpPrice).OptionalDecimal(0, 2);
    }
}

/// <summary>Copies present store fields onto a store and saves it (the unique name race → conflict).</summary>
public static class StoreMapper
{
    /// <summary>Name taken by another live store of the org.</summary>
    public const string NameTaken = "仓库名称已存在";

    /// <summary>Copies the present fields of <paramref name="r"/> onto <paramref name="s"/>.</summary>
    public static void Apply(StoreFieldsRequest r, LeaseStore s)
    {
        if (r.Name.TrimmedOrNull() is { } name) s.Name = name;
        if (r.Location is not null) s.Location = r.Location.Trim();
        if (r.Address is not null) s.Address = r.Address.Trim();
        if (RuleExtensions.TryDecimal(r.BandwidthPrice, out var bw)) s.BandwidthPrice = bw;
        if (RuleExtensions.TryDecimal(r.StoredPrice, out var st)) s.StoredPrice = st;
        if (RuleExtensions.TryDecimal(r.IpPrice, out var ip)) s.IpPrice = ip;
    }

    /// <summary>Refuses a name another live store of the org has, then saves.</summary>
    public static async Task SaveAsync(IKbossDbContext db, LeaseStore s, CancellationToken ct)
    {
        if (await db.LeaseStores.AnyAsync(x => x.OrgId == s.OrgId && x.Name == s.Name && x.Id != s.Id, ct))
            throw BusinessException.Conflict(NameTaken);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict(NameTaken);
        }
    }
}
