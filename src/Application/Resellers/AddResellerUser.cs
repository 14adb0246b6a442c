using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Identity;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Kboss.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Resellers;

/// <summary>The reply of RSL-06.</summary>
/// <param name="Userid">The new user.</param>
/// <param name="Orgid">The customer org it belongs to.</param>
public sealed record ResellerUserView(string Userid, string Orgid);

/// <summary>
/// RSL-06 <c>GET /reseller/reseller_add_user.dspy</c> 分销商添加用户 (spec 16-reseller.md; finance.md §3.4): a reseller
/// onboards a customer. <c>orgid</c> (default: the caller's org) is the reseller org — a new customer org owned by it
/// is created (named <c>nick_name</c>, else <c>username</c>; email, mobile, address kept as its profile) — or a
/// customer org the reseller owns; the user gets the <c>customer</c> role there. <c>username</c> and <c>password</c>
/// are required (the account rules of <c>/user/add_user.dspy</c>; <c>用户名已存在</c>), <c>mobile</c> 11 digits,
/// <c>email</c> an address. Prefer POST: the password should not travel in a URL.
/// </summary>
public sealed record AddResellerUser : ICommand<Reply<ResellerUserView>>, IOrgScoped
{
    /// <summary>用户名称 (login name).</summary>
    public string? Username { get; init; }
    /// <summary>密码.</summary>
    public string? Password { get; init; }
    /// <summary>email.</summary>
    public string? Email { get; init; }
    /// <inheritdoc />
    public string? Orgid { get; set; }
    /// <summary>用户名 (display name).</summary>
    public string? NickName { get; init; }
    /// <summary>地址.</summary>
    public string? Address { get; init; }
    /// <summary>手机.</summary>
    public string? Mobile { get; init; }
}

public sealed class AddResellerUserValidator : AbstractValidator<AddResellerUser>
{
    public AddResellerUserValidator()
    {
        RuleFor(x => x.Username).Required()
            .Must(u => u is null || UsernameRules.FindForbidden(u) is null).WithMessage(UsernameRules.ForbiddenMessage)
            .Matches(@"^[^\s,]{3,64}$").WithMessage("username 须为 3-64 个字符,不能含空格或逗号");
        RuleFor(x => x.Password).Required().Must(PasswordPolicy.IsStrong).WithMessage(PasswordPolicy.Message);
        RuleFor(x => x.Email).MaxChars(100)
            .Matches(@"^[^@\s]+@[^@\s]+\.[^@\s]+$").When(x => !string.IsNullOrWhiteSpace(x.Email))
            .WithMessage("email格式错误");
        RuleFor(x => x.Mobile).Matches(@"^1[3-9]\d{9}$").When(x => !string.IsNullOrWhiteSpace(x.Mobile))
            .WithMessage("mobile须为11位手机号");
        RuleFor(x => x.NickName).MaxChars(64);
        RuleFor(x => x.Address).MaxChars(300);
    }
}

public sealed class AddResellerUserHandler(IKbossDbContext db, ICurrentUser user, IPasswordHasher hasher)
    : ICommandHandler<AddResellerUser, Reply<ResellerUserView>>
{
    private const string TakenMessage = "用户名已存在";

    public async ValueTask<Reply<ResellerUserView>> Handle(AddResellerUser c, CancellationToken ct)
    {
        var target = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == c.Orgid, ct)
                     ?? throw BusinessException.NotFound("组织不存在");
        var underReseller = target.Kind == OrgKind.Customer && await db.Organizations.AsNoTracking()
            .AnyAsync(o => o.Id == target.OwnerOrgId && o.Kind == OrgKind.Reseller, ct);
        if (target.Kind != OrgKind.Reseller && !underReseller)
            throw RequestValidationException.For("orgid", "只能为分销商或其客户机构添加用户");
        var username = c.Username!.Trim();
        var normalized = UsernameRules.Normalize(username)
                         ?? throw RequestValidationException.For("username", UsernameRules.ForbiddenMessage);
        if (await db.Users.AnyAsync(u => u.NormalizedUsername == normalized || u.Username == username, ct))
            throw BusinessException.Conflict(TakenMessage);
        var name = c.NickName.TrimmedOrNull() ?? username;
        if (target.Kind == OrgKind.Reseller)
        {
            if (await db.Organizations.AnyAsync(o => o.Name == name, ct)) throw BusinessException.Conflict("组织名称已存在");
            target = new Organization { Name = name, Kind = OrgKind.Customer, OwnerOrgId = target.Id };
            db.Organizations.Add(target);
            db.OrgProfiles.Add(new OrgProfile
            {
                OrgId = target.Id, Contactor = name, ContactorPhone = c.Mobile.TrimmedOrNull(),
                Emailaddress = c.Email.TrimmedOrNull(), Address = c.Address.TrimmedOrNull(),
            });
        }
        var created = new User
        {
            Username = username, NormalizedUsername = normalized, DisplayName = name, OrgId = target.Id,
            PasswordHash = hasher.Hash(c.Password!), Roles = Roles.Customer,
        };
        db.Users.Add(created);
        db.AuditEntries.Add(Audit.Entry(user, "reseller.user_created", "user", created.Id,
            new { username, orgid = target.Id, reseller_orgid = target.OwnerOrgId }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict("用户名或机构名称已存在");
        }
        return Reply.Ok("操作成功", new ResellerUserView(created.Id, target.Id));
    }
}
