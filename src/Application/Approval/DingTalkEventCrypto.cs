using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Kboss.Application.Approval;

/// <summary>The encrypted answer DingTalk expects from an event-subscription URL.</summary>
/// <param name="MsgSignature">Signature of token, timestamp, nonce and <paramref name="Encrypt"/>.</param>
/// <param name="TimeStamp">Milliseconds since the epoch, as text.</param>
/// <param name="Nonce">Random text.</param>
/// <param name="Encrypt">The encrypted <c>success</c>.</param>
public sealed record DingTalkAck(
    [property: System.Text.Json.Serialization.JsonPropertyName("msg_signature")] string MsgSignature,
    [property: System.Text.Json.Serialization.JsonPropertyName("timeStamp")] string TimeStamp,
    [property: System.Text.Json.Serialization.JsonPropertyName("nonce")] string Nonce,
    [property: System.Text.Json.Serialization.JsonPropertyName("encrypt")] string Encrypt);

/// <summary>
/// DingTalk's event-subscription crypto (its DingCallbackCrypto): <c>signature = hex(SHA1(sort(token, timestamp,
/// nonce, encrypt) joined))</c>; <c>encrypt = Base64(AES-256-CBC(key, iv = key[0..16], PKCS#7 to 32-byte blocks)
/// of random(16) ‖ length(4, big-endian) ‖ message ‖ receiverId))</c>, the key being
/// <c>Base64(EncodingAESKey + "=")</c> (43 characters → 32 bytes) and the receiver the app key.
/// </summary>
public static class DingTalkEventCrypto
{
    private const int Block = 32;

    /// <summary>The signature of one message.</summary>
    public static string Signature(string token, string timestamp, string nonce, string encrypt)
    {
        string[] parts = [token, timestamp, nonce, encrypt];
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }

    /// <summary>True when <paramref name="aesKey"/> is a usable EncodingAESKey (43 characters of Base64).</summary>
    public static bool IsAesKey(string? aesKey) => aesKey is { Length: 43 } && TryKey(aesKey, out _);

    /// <summary>
    /// The message of an event, or null when the signature, the key, the padding or the receiver do not match.
    /// </summary>
    public static string? Open(string token, string aesKey, string receiverId, string signature, string timestamp,
        string nonce, string encrypt)
    {
        var expected = Encoding.ASCII.GetBytes(Signature(token, timestamp, nonce, encrypt));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.ToLowerInvariant())))
            return null;
        if (!TryKey(aesKey, out var key)) return null;
        byte[] plain;
        try
        {
            using var aes = Aes.Create();
            aes.Key = key;
            plain = aes.DecryptCbc(Convert.FromBase64String(encrypt), key.AsSpan(0, 16), PaddingMode.None);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null;
        }
        if (plain.Length < 20) return null;
        var pad = plain[^1];
        if (pad is < 1 or > Block || pad > plain.Length) return null;
        var body = plain.AsSpan(0, plain.Length - pad);
        var length = BinaryPrimitives.ReadInt32BigEndian(body.Slice(16, 4));
        if (length < 0 || 20 + length > body.Length) return null;
        var receiver = Encoding.UTF8.GetString(body[(20 + length)..]);
        return receiver == receiverId ? Encoding.UTF8.GetString(body.Slice(20, length)) : null;
    }

    /// <summary>Encrypts <paramref name="message"/> for <paramref name="receiverId"/>.</summary>
    public static string Seal(string aesKey, string receiverId, string message)
    {
        if (!TryKey(aesKey, out var key)) throw new ArgumentException("EncodingAESKey must be 43 Base64 characters");
        var msg = Encoding.UTF8.GetBytes(message);
        var receiver = Encoding.UTF8.GetBytes(receiverId);
        var length = 20 + msg.Length + receiver.Length;
        var pad = Block - length % Block;
        var plain = new byte[length + pad];
        RandomNumberGenerator.Fill(plain.AsSpan(0, 16));
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16, 4), msg.Length);
        msg.CopyTo(plain, 20);
        receiver.CopyTo(plain, 20 + msg.Length);
        plain.AsSpan(length).Fill((byte)pad);
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }

    /// <summary>The signed, encrypted <c>success</c> answer.</summary>
    public static DingTalkAck Ack(string token, string aesKey, string receiverId, DateTimeOffset now)
    {
        var encrypt = Seal(aesKey, receiverId, "success");
        var timestamp = now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nonce = Domain.Common.NanoId.New()[..8];
        return new DingTalkAck(Signature(token, timestamp, nonce, encrypt), timestamp, nonce, encrypt);
    }

    private static bool TryKey(string aesKey, out byte[] key)
    {
        key = [];
        try
        {
            key = Convert.FromBase64String(aesKey + "=");
        }
        catch (FormatException)
        {
            return false;
        }
        return key.Length == 32;
    }
}
