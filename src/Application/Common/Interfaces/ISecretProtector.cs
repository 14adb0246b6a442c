namespace Kboss.Application.Common.Interfaces;

/// <summary>
/// Reversible encryption of secrets at rest (pcapi and SSH passwords, kubeconfigs, vendor keys); ASP.NET Core
/// Data Protection in Infrastructure. Plaintext is needed only by outside-system adapters (analysis/cpcc.md §4.10).
/// </summary>
public interface ISecretProtector
{
    /// <summary>Encrypts <paramref name="plaintext"/>.</summary>
    string Protect(string plaintext);
    /// <summary>Decrypts a value made by <see cref="Protect"/>.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">Tampered or foreign ciphertext.</exception>
    string Unprotect(string protectedValue);
}

/// <summary>How secrets appear in responses.</summary>
public static class SecretMask
{
    /// <summary>The mask returned instead of any secret; sent back on update it means "keep".</summary>
    public const string Value = "******";

    /// <summary>True when an update value means "keep the stored secret" (empty or the mask).</summary>
    public static bool MeansKeep(string? value) => string.IsNullOrEmpty(value) || value == Value;
}
