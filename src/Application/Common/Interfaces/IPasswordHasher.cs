namespace Kboss.Application.Common.Interfaces;

/// <summary>Password hashing (ASP.NET Core Identity's PasswordHasher in Infrastructure).</summary>
public interface IPasswordHasher
{
    /// <summary>Hashes <paramref name="password"/> with a fresh salt.</summary>
    string Hash(string password);
    /// <summary>True when <paramref name="password"/> matches <paramref name="hash"/>.</summary>
    bool Verify(string hash, string password);
}
