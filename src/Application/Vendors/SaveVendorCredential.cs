using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors;

/// <summary>
/// <c>POST /vendor/save_credential.dspy</c> (not in the spec; ADR 0037): an operator stores its org's master key for
/// one vendor, which kboss then uses for the operator's customers. The secret is encrypted at rest; a masked
/// (<c>******</c>) or empty secret on update keeps the stored one; <c>endpoint</c> (http/https) points the vendor's
/// API at another base URL, empty for the vendor's public hosts. <c>data</c> = the masked view.
/// </summary>
public sealed record SaveVendorCredential : ICommand<Reply<VendorCredentialView>>, IOrgScoped
{
    /// <summary>Operator org (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary><c>cds</c> (首都在线).</summary>
    public string? Vendor { get; init; }
    /// <summary>AccessKeyId.</summary>
    public string? AccessKeyId { get; init; }
    /// <summary>AccessKeySecret (<c>******</c> keeps the stored one).</summary>
    public string? AccessKeySecret { get; init; }
    /// <summary>Base URL replacing the vendor's public hosts (optional).</summary>
    public string? Endpoint { get; init; }
}

/// <summary>A stored vendor key as shown (the secret masked).</summary>
public sealed record VendorCredentialView(string Id, string Orgid, string Vendor, string AccessKeyId,
    string AccessKeySecret, string? Endpoint)
{
    internal static VendorCredentialView Of(VendorCredential c) =>
        new(c.Id, c.OrgId, c.Vendor, c.AccessKeyId, SecretMask.Value, c.Endpoint);
}

public sealed class SaveVendorCredentialValidator : AbstractValidator<SaveVendorCredential>
{
    public SaveVendorCredentialValidator()
    {
        RuleFor(x => x.Vendor).Required().Must(v => VendorCodes.IsKnown(v.Trimmed()))
            .WithMessage("vendor只支持: " + string.Join(",", VendorCodes.All));
        RuleFor(x => x.AccessKeyId).Required().MaxChars(VendorCredential.KeyIdLength).NoControlChars();
        RuleFor(x => x.AccessKeySecret).MaxChars(256).NoControlChars();
        RuleFor(x => x.Endpoint).MaxChars(VendorCredential.EndpointLength).HttpUrl().NoControlChars()
            .Must(e => string.IsNullOrWhiteSpace(e) || (Uri.TryCreate(e.Trim(), UriKind.Absolute, out var u)
                && u.Query.Length == 0 && u.Fragment.Length == 0 && u.UserInfo.Length == 0
                && !e.Contains("..", StringComparison.Ordinal)))
            .WithMessage("endpoint 只能是 scheme://host[:port][/path],不能带用户信息、查询串或片段");
    }
}

public sealed class SaveVendorCredentialHandler(IKbossDbContext db, ICurrentUser user, ISecretProtector secrets,
    IVendorEndpointPolicy endpoints)
    : ICommandHandler<SaveVendorCredential, Reply<VendorCredentialView>>
{
    public async ValueTask<Reply<VendorCredentialView>> Handle(SaveVendorCredential c, CancellationToken ct)
    {
        var vendor = c.Vendor.Trimmed();
        if (c.Endpoint.TrimmedOrNull() is { } endpoint && endpoints.Check(endpoint) is { } refused)
            throw RequestValidationException.For("endpoint", refused);
        var row = await db.VendorCredentials.FirstOrDefaultAsync(x => x.OrgId == c.Orgid && x.Vendor == vendor, ct);
        if (row is null)
        {
            row = new VendorCredential { OrgId = c.Orgid!, Vendor = vendor };
            db.VendorCredentials.Add(row);
        }
        var secret = SecretMask.MeansKeep(c.AccessKeySecret.TrimmedOrNull())
            ? null : secrets.Protect(c.AccessKeySecret!.Trim());
        row.Set(c.AccessKeyId.Trimmed(), secret, c.Endpoint, user.UserId ?? "").OrThrow();
        db.AuditEntries.Add(Audit.Entry(user, "vendor.credential.saved", "vendor_credential", row.Id,
            new { orgid = row.OrgId, vendor, access_key_id = row.AccessKeyId, endpoint = row.Endpoint }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict("该机构的接口密钥正在被同时保存,请重试");
        }
        return Reply.Ok("保存成功", VendorCredentialView.Of(row));
    }
}
