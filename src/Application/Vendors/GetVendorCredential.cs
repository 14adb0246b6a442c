using FluentValidation;
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
/// <c>GET /vendor/get_credential.dspy</c> (not in the spec; ADR 0037): the org's stored key for <c>vendor</c>, the
/// secret masked; <c>data</c> null when none is stored.
/// </summary>
public sealed record GetVendorCredential : IQuery<Reply<VendorCredentialView?>>, IOrgScoped
{
    /// <summary>Operator org (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary><c>cds</c>.</summary>
    public string? Vendor { get; init; }
}

public sealed class GetVendorCredentialValidator : AbstractValidator<GetVendorCredential>
{
    public GetVendorCredentialValidator() =>
        RuleFor(x => x.Vendor).Required().Must(v => VendorCodes.IsKnown(v.Trimmed()))
            .WithMessage("vendor只支持: " + string.Join(",", VendorCodes.All));
}

public sealed class GetVendorCredentialHandler(IKbossDbContext db)
    : IQueryHandler<GetVendorCredential, Reply<VendorCredentialView?>>
{
    public async ValueTask<Reply<VendorCredentialView?>> Handle(GetVendorCredential q, CancellationToken ct)
    {
        var vendor = q.Vendor.Trimmed();
        var row = await db.VendorCredentials.AsNoTracking()
            .FirstOrDefaultAsync(x => x.OrgId == q.Orgid && x.Vendor == vendor, ct);
        return Reply.Ok("查询成功", row is null ? null : VendorCredentialView.Of(row));
    }
}
