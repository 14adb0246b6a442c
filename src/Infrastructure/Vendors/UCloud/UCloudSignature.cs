using System.Security.Cryptography;
using System.Text;

namespace Kboss.Infrastructure.Vendors.UCloud;

/// <summary>
/// UCloud's request signature (analysis/vendors.md §4.7; docs.ucloud.cn/api/summary/signature): the parameters
/// (with <c>PublicKey</c>, without <c>Signature</c>) sorted by key (ordinal), each <c>key + value</c> concatenated with
/// no separator, the private key appended, SHA1 of the UTF-8 bytes as lowercase hex.
/// </summary>
public static class UCloudSignature
{
    /// <summary>The string that is hashed.</summary>
    public static string StringToSign(IEnumerable<KeyValuePair<string, string>> parameters, string privateKey)
    {
        var sb = new StringBuilder();
        foreach (var (k, v) in parameters.Where(p => p.Key != "Signature").OrderBy(p => p.Key, StringComparer.Ordinal))
            sb.Append(k).Append(v);
        return sb.Append(privateKey).ToString();
    }

    /// <summary>The <c>Signature</c> value.</summary>
    public static string Sign(IEnumerable<KeyValuePair<string, string>> parameters, string privateKey) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(StringToSign(parameters, privateKey))));
}
