using Kboss.Application.Common.Interfaces;
using Microsoft.AspNetCore.DataProtection;

namespace Kboss.Infrastructure.Security;

/// <summary><see cref="ISecretProtector"/> on ASP.NET Core Data Protection (keys in <c>{DataFolder}/keys</c>).</summary>
public sealed class SecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("Kboss.Secrets.v1");

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    public string Unprotect(string protectedValue) => _protector.Unprotect(protectedValue);
}

/// <summary><see cref="IPasswordHasher"/> on ASP.NET Core Identity's PasswordHasher (PBKDF2, per-user salt).</summary>
public sealed class PasswordHasher : IPasswordHasher
{
    private readonly Microsoft.AspNetCore.Identity.PasswordHasher<object> _inner = new();
    private static readonly object Subject = new();

    public string Hash(string password) => _inner.HashPassword(Subject, password);

    public bool Verify(string hash, string password)
    {
        try
        {
            return _inner.VerifyHashedPassword(Subject, hash, password) != Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
