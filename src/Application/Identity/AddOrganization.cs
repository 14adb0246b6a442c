using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Identity;

/// <summary>An organisation as returned by the identity endpoints.</summary>
/// <param name="Id">Org id.</param>
/// <param name="Name">Name.</param>
/// <param name="Kind">operator / customer / provider / reseller.</param>
/// <param name="OwnerOrgid">Owning org, if any.</param>
public sealed record OrganizationDto(string Id, string Name, string Kind, string? OwnerOrgid)
{
    /// <summary>Maps an entity.</summary>
    public static OrganizationDto From(Organization o) => new(o.Id, o.Name, OrgKinds.Name(o.Kind), o.OwnerOrgId);
}

/// <summary>
/// <c>POST /user/add_org.dspy</c>: creates an organisation. An admin creates any kind under any owner (or none);
/// an operator creates customer, provider or reseller orgs owned by its own org.
/// </summary>
public sealed record AddOrganization : ICommand<Reply<OrganizationDto>>
{
    /// <summary>Name (required, ≤ 100, unique).</summary>
    public string? Name { get; init; }
    /// <summary>operator / customer / provider / reseller.</summary>
    public string? Kind { get; init; }
    /// <summary>Owning org (admin only; operators always own what they create).</summary>
    public string? OwnerOrgid { get; init; }
}

public sealed class AddOrganizationValidator : AbstractValidator<AddOrganization>
{
    public AddOrganizationValidator()
    {
        RuleFor(x => x.Name).Required().MaxChars(100);
        RuleFor(x => x.Kind).Required().OneOf(OrgKinds.ByName.Keys);
    }
}

public sealed class AddOrganizationHandler(IKbossDbContext db, ICurrentUser user) : ICommandHandler<AddOrganization, Reply<OrganizationDto>>
{
    public async ValueTask<Reply<OrganizationDto>> Handle(AddOrganization c, CancellationToken ct)
    {
        var kind = OrgKinds.ByName[c.Kind!.Trim()];
        string? owner;
        if (user.IsInRole(Roles.Admin))
        {
            owner = string.IsNullOrWhiteSpace(c.OwnerOrgid) ? null : c.OwnerOrgid.Trim();
            if (owner is not null && !await db.Organizations.AnyAsync(o => o.Id == owner, ct))
                throw BusinessException.NotFound("上级组织不存在");
        }
        else
        {
            if (kind == OrgKind.Operator) throw new ForbiddenException("只有管理员可以创建运营机构");
            if (!string.IsNullOrWhiteSpace(c.OwnerOrgid) && c.OwnerOrgid.Trim() != user.OrgId)
                throw new ForbiddenException("无权为其他组织创建下级组织");
            owner = user.OrgId;
        }
        var name = c.Name!.Trim();
        if (await db.Organizations.AnyAsync(o => o.Name == name, ct)) throw BusinessException.Conflict("组织名称已存在");
        var org = new Organization { Name = name, Kind = kind, OwnerOrgId = owner };
        db.Organizations.Add(org);
        db.AuditEntries.Add(Audit.Entry(user, "identity.org_created", "organization", org.Id, new { name, kind = c.Kind, owner }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict("组织名称已存在");
        }
        return Reply.Ok("新建组织成功", OrganizationDto.From(org));
    }
}
