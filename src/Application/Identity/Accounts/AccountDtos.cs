using System.Text.Json.Serialization;
using Kboss.Domain.Identity;

namespace Kboss.Application.Identity.Accounts;

/// <summary>A user as the account endpoints show it (never the password hash).</summary>
/// <param name="Id">User id.</param>
/// <param name="Username">Login name.</param>
/// <param name="DisplayName">Display name.</param>
/// <param name="Orgid">Org id.</param>
/// <param name="OrgidText">Org name.</param>
/// <param name="Roles">Roles.</param>
/// <param name="State"><c>active</c> or <c>disabled</c>.</param>
/// <param name="CreateAt">Created (platform time).</param>
public sealed record AccountDto(string Id, string Username, string DisplayName, string Orgid, string OrgidText,
    IReadOnlyList<string> Roles, string State, DateTime CreateAt)
{
    /// <summary>1-based row number in a list (0 outside lists).</summary>
    [JsonPropertyName("row_num_")]
    public int RowNum { get; init; }

    /// <summary>Maps a user and its org's name.</summary>
    public static AccountDto From(User u, string? orgName, int rowNum = 0) =>
        new(u.Id, u.Username, u.DisplayName, u.OrgId, orgName ?? "", u.RoleList, u.State, u.CreateAt)
        {
            RowNum = rowNum,
        };
}

/// <summary>An org as <c>list_orgs</c> shows it.</summary>
/// <param name="Id">Org id.</param>
/// <param name="Name">Name.</param>
/// <param name="Kind">operator / customer / provider / reseller.</param>
/// <param name="OwnerOrgid">Owning org, if any.</param>
/// <param name="OwnerOrgidText">Owning org's name, if any.</param>
/// <param name="Users">Live users of the org.</param>
/// <param name="CreateAt">Created (platform time).</param>
/// <param name="RowNum">1-based row number.</param>
public sealed record OrgRowDto(string Id, string Name, string Kind, string? OwnerOrgid, string? OwnerOrgidText,
    int Users, DateTime CreateAt, [property: JsonPropertyName("row_num_")] int RowNum);
