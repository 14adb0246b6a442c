using Kboss.Domain.Identity;

namespace Kboss.Application.Identity;

/// <summary>The logged-in user as <c>/user/current_user.dspy</c> and login return it.</summary>
/// <param name="Userid">User id.</param>
/// <param name="Username">Login name.</param>
/// <param name="DisplayName">Display name.</param>
/// <param name="Orgid">Org id.</param>
/// <param name="OrgidText">Org name.</param>
/// <param name="OrgKind">operator / customer / provider / reseller.</param>
/// <param name="OwnerOrgid">Owning org id, if any.</param>
/// <param name="Roles">Roles.</param>
public sealed record CurrentUserDto(string Userid, string Username, string DisplayName, string Orgid, string OrgidText,
    string OrgKind, string? OwnerOrgid, IReadOnlyList<string> Roles)
{
    /// <summary>Maps a user and its org.</summary>
    public static CurrentUserDto From(User u, Organization org) => new(u.Id, u.Username, u.DisplayName, org.Id, org.Name,
        OrgKinds.Name(org.Kind), org.OwnerOrgId, u.RoleList);
}

/// <summary>Wire names of <see cref="OrgKind"/>.</summary>
public static class OrgKinds
{
    /// <summary>Every kind by wire name.</summary>
    public static readonly IReadOnlyDictionary<string, OrgKind> ByName = new Dictionary<string, OrgKind>
    {
        ["operator"] = OrgKind.Operator, ["customer"] = OrgKind.Customer,
        ["provider"] = OrgKind.Provider, ["reseller"] = OrgKind.Reseller,
    };

    /// <summary>Wire name of <paramref name="kind"/>.</summary>
    public static string Name(OrgKind kind) => ByName.First(p => p.Value == kind).Key;
}
