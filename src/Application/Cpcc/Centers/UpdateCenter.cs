using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Mediator;

namespace Kboss.Application.Cpcc.Centers;

/// <summary>
/// C3 <c>POST /dev/cpcc/cpclist/update_cpclist.dspy</c>: overwrites a centre's basic data. A masked or empty
/// <c>api_pwd</c> keeps the stored password (no double encryption). spec: 37-cpcc-centers.md.
/// Errors: missing id → <c>无算力中心ID</c>; unknown → <c>算力中心不存在</c>; another org's centre → 403.
/// </summary>
public sealed record UpdateCenter : ICommand<Reply<CenterDto>>, ICenterFields
{
    /// <summary>算力中心ID.</summary>
    public string? Id { get; init; }
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
}

public sealed class UpdateCenterValidator : AbstractValidator<UpdateCenter>
{
    public UpdateCenterValidator()
    {
        RuleFor(x => x.Id).Required("无算力中心ID");
        Include(new CenterFieldsValidator(passwordRequired: false));
    }
}

public sealed class UpdateCenterHandler(IKbossDbContext db, CenterGuard guard, ISecretProtector secrets, ICurrentUser user)
    : ICommandHandler<UpdateCenter, Reply<CenterDto>>
{
    public async ValueTask<Reply<CenterDto>> Handle(UpdateCenter c, CancellationToken ct)
    {
        var center = await guard.LoadManageableAsync(c.Id!, track: true, ct);
        var before = new { center.Name, center.PcapiUrl, center.ApiUser };
        CenterMapper.Apply(c, center, secrets);
        await CenterApiUsers.EnsureOwnAsync(db, center, ct);
        db.AuditEntries.Add(Audit.Entry(user, "cpcc.center.updated", "compute_center", center.Id, new
        {
            before,
            after = new { center.Name, center.PcapiUrl, center.ApiUser },
            password_changed = !SecretMask.MeansKeep(c.ApiPwd),
        }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("更新算力中心成功", CenterDto.From(center));
    }
}
