using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Common;
using Kboss.Domain.MiniProgram;
using Mediator;

namespace Kboss.Application.MiniProgram;

/// <summary>
/// <c>GET /operation/kyy_add_supply.dspy</c> 运维添加供应产品 (analysis/platform.md E48; ops, operators, admins): a
/// product of <c>orgid</c> (default: the caller's) with <c>basic_info</c> (a JSON object); a <c>filepath</c> of a
/// stored <c>.xlsx</c> is converted to HTML at once (E52). <c>data</c> is the new id.
/// </summary>
public sealed record AddKyySupply : ICommand<Reply<IdData>>, IOrgScoped
{
    /// <summary>Owner org (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>集群基础信息: a JSON object as text (required).</summary>
    public string? BasicInfo { get; init; }
    /// <summary>Stored path of an uploaded <c>.xlsx</c>.</summary>
    public string? Filepath { get; init; }
    /// <summary>备注信息.</summary>
    public string? Remark { get; init; }
}

public sealed class AddKyySupplyValidator : AbstractValidator<AddKyySupply>
{
    public AddKyySupplyValidator()
    {
        RuleFor(x => x.Orgid).MaxChars(64);
        RuleFor(x => x.BasicInfo).BasicInfo(required: true);
        RuleFor(x => x.Filepath).WorkbookPath(required: false);
        RuleFor(x => x.Remark).Remark();
    }
}

public sealed class AddKyySupplyHandler(IKbossDbContext db, ICurrentUser user, KyySupplyAccess access)
    : ICommandHandler<AddKyySupply, Reply<IdData>>
{
    public async ValueTask<Reply<IdData>> Handle(AddKyySupply c, CancellationToken ct)
    {
        var row = KyySupply.Create(c.Orgid!, c.BasicInfo!.Trim(), c.Remark?.Trim()).OrThrow();
        if (c.Filepath.TrimmedOrNull() is { } path) row.AttachWorkbook(path, access.WorkbookHtml(path), null);
        db.KyySupplies.Add(row);
        db.AuditEntries.Add(Audit.Entry(user, "ops.kyy_supply.created", "kyy_supply", row.Id,
            new { row.OrgId, row.FilePath }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("添加成功", new IdData(row.Id));
    }
}
