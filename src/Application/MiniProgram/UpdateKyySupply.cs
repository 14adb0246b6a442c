using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Mediator;

namespace Kboss.Application.MiniProgram;

/// <summary>
/// <c>GET /operation/update_kyy_supply.dspy</c> 运维更新供应产品 (analysis/platform.md E51; ops, operators, admins):
/// partial update of product <c>id</c> (absent fields are kept; <c>basic_info</c> must be a JSON object).
/// </summary>
public sealed record UpdateKyySupply : ICommand<Reply<IdData>>, IByIdRequest
{
    /// <summary>Product id from get_kyy_supply (required).</summary>
    public string? Id { get; init; }
    /// <summary>New 集群基础信息 (JSON object).</summary>
    public string? BasicInfo { get; init; }
    /// <summary>New remark.</summary>
    public string? Remark { get; init; }
}

public sealed class UpdateKyySupplyValidator : ByIdValidator<UpdateKyySupply>
{
    public UpdateKyySupplyValidator() : base(64)
    {
        RuleFor(x => x.BasicInfo).BasicInfo(required: false);
        RuleFor(x => x.Remark).Remark();
    }
}

public sealed class UpdateKyySupplyHandler(IKbossDbContext db, ICurrentUser user, KyySupplyAccess access)
    : ICommandHandler<UpdateKyySupply, Reply<IdData>>
{
    public async ValueTask<Reply<IdData>> Handle(UpdateKyySupply c, CancellationToken ct)
    {
        var row = await access.LoadManageableAsync(c.Id, ct);
        row.Update(c.BasicInfo?.Trim(), c.Remark?.Trim()).OrThrow();
        db.AuditEntries.Add(Audit.Entry(user, "ops.kyy_supply.updated", "kyy_supply", row.Id, new { row.OrgId }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("更新成功", new IdData(row.Id));
    }
}
