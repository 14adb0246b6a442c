using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Lease;

/// <summary>
/// <c>POST /lease/update_contract.dspy</c> 修改合同: partial update of a contract the caller manages; its bill never
/// changes; dates are checked after merging. Messages: <c>合同不存在</c>, <c>合同结束日期不能早于开始日期</c>.
/// spec: 15-server-lease.md; lease.md §3A.5.
/// </summary>
public sealed record UpdateLeaseContract : ContractFieldsRequest, ICommand<Reply<LeaseContractRow>>
{
    /// <summary>合同id.</summary>
    public string? Id { get; init; }
}

public sealed class UpdateLeaseContractValidator : AbstractValidator<UpdateLeaseContract>
{
    public UpdateLeaseContractValidator()
    {
        RuleFor(x => x.Id).Required().MaxChars(32);
        Include(new ContractFieldsValidator());
    }
}

public sealed class UpdateLeaseContractHandler(IKbossDbContext db, LeaseAccess access)
    : ICommandHandler<UpdateLeaseContract, Reply<LeaseContractRow>>
{
    public async ValueTask<Reply<LeaseContractRow>> Handle(UpdateLeaseContract c, CancellationToken ct)
    {
        var contract = await db.LeaseContracts.FirstOrDefaultAsync(x => x.Id == c.Id.Trimmed(), ct);
        if (contract is null || !await access.ManagesAsync(contract.OrgId, ct))
            throw BusinessException.NotFound("合同不存在");
        ContractMapper.Apply(c, contract, c.UserId.TrimmedOrNull() ?? contract.UserId, contract.StartDate,
            contract.EndDate);
        await db.SaveChangesAsync(ct);
        return Reply.Ok("修改合同成功", LeaseContractRow.From(contract));
    }
}
