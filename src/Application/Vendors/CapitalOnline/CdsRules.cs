using System.Net;
using FluentValidation;
using Kboss.Application.Common.Validation;

namespace Kboss.Application.Vendors.CapitalOnline;

/// <summary>Input rules shared by the Capital Online endpoints.</summary>
public static class CdsRules
{
    /// <summary>Longest id or code kboss passes on.</summary>
    public const int IdMax = 64;
    /// <summary>Longest name.</summary>
    public const int NameMax = 64;

    /// <summary>A canonical IPv4 CIDR (<c>10.15.0.0/16</c>; not <c>10.15.0.1/16</c>).</summary>
    public static bool IsCidr(string? value) =>
        IPNetwork.TryParse(value?.Trim(), out var n)
        && n.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
        && n.ToString() == value!.Trim();

    /// <summary>True when the CIDR <paramref name="inner"/> lies inside <paramref name="outer"/>.</summary>
    public static bool Within(string? inner, string? outer) =>
        IPNetwork.TryParse(inner?.Trim(), out var i) && IPNetwork.TryParse(outer?.Trim(), out var o)
        && i.PrefixLength >= o.PrefixLength && o.Contains(i.BaseAddress);

    /// <summary>A required id or code.</summary>
    public static IRuleBuilderOptions<T, string?> Id<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Required().MaxChars(IdMax);

    /// <summary>A required CIDR.</summary>
    public static IRuleBuilderOptions<T, string?> Cidr<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Required().Must(IsCidr).WithMessage("{PropertyName}必须是IPv4网段,如 10.15.0.0/16");
}
