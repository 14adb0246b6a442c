using Kboss.Domain.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Kboss.WebApi.Auth;

/// <summary>Authorisation policies (analysis/platform.md §6.3). Every controller action requires a login unless marked [AllowAnonymous] (a global AuthorizeFilter).</summary>
public static class Policies
{
    /// <summary>Operator or admin.</summary>
    public const string Operator = "operator";
    /// <summary>Sales, operator or admin (智算产品 maintenance, leads of 立即咨询).</summary>
    public const string Sales = "sales";
    /// <summary>Admin only.</summary>
    public const string Admin = "admin";
    // Mini-program ops supply (issue 12)
    /// <summary>Ops (运维), operator or admin (ops supply products, analysis/platform.md §6.3 E47–E52).</summary>
    public const string Ops = "ops";
    // Resellers (issue 11)
    /// <summary>Reseller (分销商), operator or admin (white-label info, reseller users and sales).</summary>
    public const string Reseller = "reseller";

    /// <summary>Registers the policies.</summary>
    public static void Add(AuthorizationOptions o)
    {
        o.AddPolicy(Operator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Operator));
        o.AddPolicy(Sales, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Operator, Roles.Sales));
        o.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        // Mini-program ops supply (issue 12)
        o.AddPolicy(Ops, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Operator, Roles.Ops));
        // Resellers (issue 11)
        o.AddPolicy(Reseller, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Operator, Roles.Reseller));
    }
}
