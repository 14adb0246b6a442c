using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Lease;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Lease;

/// <summary>
/// <c>POST /lease/save_contract.dspy</c> 保存合同: the one contract of a bill the caller manages. Replies
/// <c>{"id"}</c>. Messages: <c>账单不存在</c>, <c>该账单已存在合同</c>, <c>合同结束日期不能早于开始日期</c>.
/// spec: 15-server-lease.md; lease.md §3A.4, §4.11.
/// </summary>
public sealed record SaveLeaseContract : ContractFieldsRequest, ICommand<Reply<LeaseIdData>>
{
    /// <summary>账单id.</summary>
    public string? BillId { get; init; }
}

public sealed class SaveLeaseContractValidator : AbstractValidator<SaveLeaseContract>
{
    public SaveLeaseContractValidator()
    {
        RuleFor(x => x.BillId).Required().MaxChars(32);
        RuleFor(x => x.Title).Required();
        Include(new ContractFieldsValidator());
    }
}

public sealed class SaveLeaseContractHandler(IKbossDbContext db, LeaseAccess access)
    : ICommandHandler<SaveLeaseContract, Reply<LeaseIdData>>
{
    /// <summary>The bill has a live contract.</summary>
    public const string Exists = "该账单已存在合同";

    public async ValueTask<Reply<LeaseIdData>> Handle(SaveLeaseContract c, CancellationToken ct)
    {
        var bill = await db.LeaseBills.AsNoTracking().FirstOrDefaultAsync(b => b.Id == c.BillId.Trimmed(), ct);
        if (bill is null || !await access.ManagesAsync(bill.OrgId, ct))
            throw BusinessException.NotFound(GetLeaseBillDetailHandler.NotFound);
        if (await db.LeaseContracts.AnyAsync(x => x.BillId == bill.Id, ct)) throw BusinessException.Conflict(Exists);
        var contract = new LeaseContract { OrgId = bill.OrgId, BillId = bill.Id };
        ContractMapper.Apply(c, contract, c.UserId.TrimmedOrNull() ?? bill.UserId, bill.StartDate, bill.EndDate);
        db.LeaseContracts.Add(contract);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict(Exists);
        }
        return Reply.Ok("保存合同成功", new LeaseIdData(contract.Id));
    }
}
