using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Domain.Cpcc;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Centers;

/// <summary>
/// C2 <c>POST /dev/cpcc/cpclist/add_cpclist.dspy</c>: registers a centre for the caller's org (or an org it may act
/// on, via <c>orgid</c>). <c>api_pwd</c> is encrypted at rest and echoed masked. spec: 37-cpcc-centers.md.
/// </summary>
public sealed record AddCenter : ICommand<Reply<CenterDto>>, ICenterFields, IOrgScoped
{
    /// <inheritdoc />
    public string? Name { get; init; }
    /// <inheritdoc />
    public string? PcapiUrl { get; init; }
    /// <inheritdoc />
    public string? ApiUser { get; init; }
    /// <inheritdoc />
    public string? ApiPwd { get; init; }
    /// <inheritdoc />
    public string? Contactname { get; init; }
    /// <inheritdoc />
    public string? Contactphone { get; init; }
    /// <inheritdoc />
    public string? EnableDate { get; init; }
    /// <inheritdoc />
    public string? ExpireDate { get; init; }
    /// <inheritdoc />
    public string? Orgid { get; set; }
}

public sealed class AddCenterValidator : AbstractValidator<AddCenter>
{
    public AddCenterValidator() => Include(new CenterFieldsValidator(passwordRequired: true));
}

public sealed class AddCenterHandler(IKbossDbContext db, ISecretProtector secrets, ICurrentUser user)
    : ICommandHandler<AddCenter, Reply<CenterDto>>
{
    public async ValueTask<Reply<CenterDto>> Handle(AddCenter c, CancellationToken ct)
    {
        if (!await db.Organizations.AsNoTracking().AnyAsync(o => o.Id == c.Orgid, ct))
            throw BusinessException.NotFound("组织不存在");
        var center = new ComputeCenter { OrgId = c.Orgid! };
        CenterMapper.Apply(c, center, secrets);
        await CenterApiUsers.EnsureOwnAsync(db, center, ct);
        db.ComputeCenters.Add(center);
        db.AuditEntries.Add(Audit.Entry(user, "cpcc.center.created", "compute_center", center.Id,
            new { center.Name, center.PcapiUrl, center.ApiUser }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("新建算力中心成功", CenterDto.From(center));
    }
}
