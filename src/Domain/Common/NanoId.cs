using System.Security.Cryptography;

namespace Kboss.Domain.Common;

/// <summary>
/// Nanoid-style identifiers generated with a cryptographic RNG (spec: analysis/cpcc.md §2.0).
/// </summary>
public static class NanoId
{
    /// <summary>URL-safe alphabet <c>A-Za-z0-9_-</c> used for ordinary ids.</summary>
    public const string UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    /// <summary>Lowercase alphabet <c>a-z0-9</c> for ids that become Kubernetes object names (RFC 1123).</summary>
    public const string KubernetesAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Standard id length: 21 characters.</summary>
    public const int Length = 21;

    /// <summary>A new 21-character id over <see cref="UrlAlphabet"/>.</summary>
    public static string New() => RandomNumberGenerator.GetString(UrlAlphabet, Length);

    /// <summary>
    /// A new 21-character id over <see cref="KubernetesAlphabet"/> whose first character is a letter, so it is a valid
    /// RFC 1035 label as well as an RFC 1123 name (some Kubernetes kinds, e.g. Services, need a leading letter).
    /// </summary>
    public static string NewKubernetesName() =>
        RandomNumberGenerator.GetString(KubernetesAlphabet.AsSpan(0, 26), 1) + RandomNumberGenerator.GetString(KubernetesAlphabet, Length - 1);
}
