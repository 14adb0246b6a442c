using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace Kboss.Infrastructure.Security;

/// <summary>
/// The certificate that protects the Data Protection key ring at rest in the database:
/// <c>DataProtection:CertificatePath</c> (a PKCS#12 file with its private key; every node needs the same one) and
/// <c>DataProtection:CertificatePassword</c>. Absent: keys are stored unencrypted in the database (ADR 0019).
/// </summary>
public static class DataProtectionCertificate
{
    /// <summary>Loads the configured certificate, or null.</summary>
    /// <exception cref="InvalidOperationException">The file is missing or has no private key.</exception>
    public static X509Certificate2? Load(IConfiguration configuration)
    {
        var path = configuration["DataProtection:CertificatePath"];
        if (string.IsNullOrWhiteSpace(path)) return null;
        if (!File.Exists(path))
            throw new InvalidOperationException($"DataProtection:CertificatePath {path} does not exist");
        var password = configuration["DataProtection:CertificatePassword"];
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException("DataProtection:CertificatePath: the certificate has no private key");
        return certificate;
    }
}
