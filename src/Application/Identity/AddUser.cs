using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Identity;

/// <summary>A user as returned by the identity endpoints (never the password).</summary>
/// <param name="Id">User id.</param>
/// <param name="Username">Login name.</param>
/// <param name="DisplayName">Display name.</param>
/// <param name="Orgid">Org id.</param>
/// <param name="Roles">Roles.</param>
public sealed record UserDto(string Id, string Username, string DisplayName, string Orgid, IReadOnlyList<string> Roles);

/// <summary>
/// <c>POST /user/add_user.dspy</c>: creates a user in <c>orgid</c> (default: the caller's org; another org only if
/// the caller may act on it). Only an admin grants <c>admin</c>. Passwords: 8–128 characters with letters and digits.
/// </summary>
public sealed record AddUser : ICommand<Reply<UserDto>>, IOrgScoped
{
    /// <summary>Login name: 3–64 characters, no spaces, no invisible or control characters; unique case-insensitively
    /// after NFKC (<c>admin</c>, <c>ADMIN</c> and <c>ａｄｍｉｎ</c> are the same name).</summary>
    public string? Username { get; init; }
    /// <summary>Initial password.</summary>
    public string? Password { get; init; }
    /// <summary>Display name (default: the username).</summary>
    public string? DisplayName { get; init; }
    /// <summary>Comma-separated roles: admin, operator, sales, ops, customer, provider, reseller.</summary>
    public string? Roles { get; init; }
    /// <inheritdoc />
    public string? Orgid { get; set; }
}

public sealed class AddUserValidator : AbstractValidator<AddUser>
{
    public AddUserValidator()
    {
        RuleFor(x => x.Username).Required()
            .Must(u => u is null || UsernameRules.FindForbidden(u) is null).WithMessage(UsernameRules.ForbiddenMessage)
            .Matches(@"^[^\s,]{3,64}$").WithMessage("username 须为 3-64 个字符,不能含空格或逗号");
        RuleFor(x => x.Password).Required().Must(PasswordPolicy.IsStrong).WithMessage(PasswordPolicy.Message);
        RuleFor(x => x.DisplayName).MaxChars(64);
        RuleFor(x => x.Roles).Required().Must(r => ParseRoles(r).All(Domain.Identity.Roles.All.Contains))
            .WithMessage($"roles 取值无效,可选: {string.Join("/", Domain.Identity.Roles.All)}");
    }

    /// <summary>Splits the comma-separated roles.</summary>
    public static string[] ParseRoles(string? roles) =>
        (roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToArray();
}

/// <summary>The password rule for new passwords.</summary>
public static class PasswordPolicy
{
    /// <summary>Why a password was refused.</summary>
    public const string Message = "密码须为 8-128 位,且同时包含字母和数字";

    /// <summary>8–128 characters with at least one letter and one digit.</summary>
    public static bool IsStrong(string? p) => p is { Length: >= 8 and <= 128 } && p.Any(char.IsLetter) && p.Any(char.IsDigit);
}

public sealed class AddUserHandler(IKbossDbContext db, IPasswordHasher hasher, ICurrentUser user) : ICommandHandler<AddUser, Reply<UserDto>>
{
    /// <summary>Roles a user may hold in each kind of org (a customer org's user can't be an operator).</summary>
    public static readonly IReadOnlyDictionary<OrgKind, string[]> RolesByOrgKind = new Dictionary<OrgKind, string[]>
    {
        [OrgKind.Operator] = [Roles.Admin, Roles.Operator, Roles.Sales, Roles.Ops],
        [OrgKind.Customer] = [Roles.Customer],
        [OrgKind.Provider] = [Roles.Provider],
        [OrgKind.Reseller] = [Roles.Reseller, Roles.Sales],
    };

    public async ValueTask<Reply<UserDto>> Handle(AddUser c, CancellationToken ct)
    {
        var roles = AddUserValidator.ParseRoles(c.Roles);
        if (roles.Contains(Roles.Admin) && !user.IsInRole(Roles.Admin)) throw new ForbiddenException("只有管理员可以授予 admin 角色");
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == c.Orgid, ct) ?? throw BusinessException.NotFound("组织不存在");
        var refused = roles.Where(r => !RolesByOrgKind[org.Kind].Contains(r)).ToArray();
        if (refused.Length > 0)
            throw new RequestValidationException(new Dictionary<string, string[]> { ["roles"] = [$"{OrgKinds.Name(org.Kind)} 组织的用户不能拥有角色: {string.Join(",", refused)}"] });
        var username = c.Username!.Trim();
        var normalized = UsernameRules.Normalize(username)
            ?? throw RequestValidationException.For("username", UsernameRules.ForbiddenMessage);
        if (await db.Users.AnyAsync(u => u.NormalizedUsername == normalized || u.Username == username, ct))
            throw BusinessException.Conflict("用户名已存在");
        var created = new User
        {
            Username = username, NormalizedUsername = normalized,
            DisplayName = string.IsNullOrWhiteSpace(c.DisplayName) ? username : c.DisplayName.Trim(),
            OrgId = c.Orgid!, PasswordHash = hasher.Hash(c.Password!), Roles = string.Join(',', roles),
        };
        db.Users.Add(created);
        db.AuditEntries.Add(Audit.Entry(user, "identity.user_created", "user", created.Id, new { username, orgid = c.Orgid, roles }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict("用户名已存在");
        }
        return Reply.Ok("新建用户成功", new UserDto(created.Id, created.Username, created.DisplayName, created.OrgId, roles));
    }
}
