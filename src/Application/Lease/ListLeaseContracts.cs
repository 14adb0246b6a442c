using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Lease;

/// <summary>
/// <c>POST /lease/get_contract.dspy</c> 获取合同: the contracts of <c>user_id</c> (customers: always their own; staff:
/// within the orgs they manage, all when absent), newest first. spec: 15-server-lease.md; lease.md §3A.6.
/// </summary>
public sealed record ListLeaseContracts : LeaseBodyRequest, IQuery<Reply<IReadOnlyList<LeaseContractRow>>>
{
    /// <summary>Customer.</summary>
    public string? UserId { get; init; }
}

public sealed class ListLeaseContractsValidator : AbstractValidator<ListLeaseContracts>
{
    public ListLeaseContractsValidator() => RuleFor(x => x.UserId).MaxChars(32);
}

public sealed class ListLeaseContractsHandler(IKbossDbContext db, LeaseAccess access)
    : IQueryHandler<ListLeaseContracts, Reply<IReadOnlyList<LeaseContractRow>>>
{
    public async ValueTask<Reply<IReadOnlyList<LeaseContractRow>>> Handle(ListLeaseContracts q, CancellationToken ct)
    {
        var rows = db.LeaseContracts.AsNoTracking();
        if (!access.IsStaff)
        {
            var me = access.UserId;
            rows = rows.Where(c => c.UserId == me);
        }
        else
        {
            var orgs = await access.ManagedOrgsAsync(ct);
            rows = rows.Where(c => orgs == null || orgs.Contains(c.OrgId));
            if (q.UserId.TrimmedOrNull() is { } user) rows = rows.Where(c => c.UserId == user);
        }
        var list = await rows.OrderByDescending(c => c.CreateAt).ThenBy(c => c.Id).ToListAsync(ct);
        return Reply.Ok<IReadOnlyList<LeaseContractRow>>("获取合同成功", list.Select(LeaseContractRow.From).ToList());
    }
}
