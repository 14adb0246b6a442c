using System.Net.Sockets;
using System.Text;

namespace Kboss.WebApi.IntegrationTests.Harness;

/// <summary>
/// A request that announces a body above the server's limit (<c>Content-Length</c>) but sends only its first bytes,
/// then reads the answer: how a server's 413 can be read at all (a client still sending gets a reset instead).
/// </summary>
public static class RawHttp
{
    public static async Task<HarnessAnswer> OversizedAsync(Uri server, string method, string path, string? bearer,
        long announced)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        var auth = bearer is null ? "" : $"Authorization: Bearer {bearer}\r\n";
        var head = $"{method} {path} HTTP/1.1\r\nHost: {server.Authority}\r\n{auth}"
            + "Content-Type: application/x-www-form-urlencoded\r\n"
            + $"Content-Length: {announced}\r\nConnection: close\r\n\r\nx=aaaaaaaa";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, n);
                if (Complete(received.ToArray())) break;
            }
        }
        catch (IOException) { }
        var text = Encoding.UTF8.GetString(received.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (split < 0)
            throw new HttpRequestException(
                $"no answer to an announced {announced}-byte body: '{HarnessClient.Short(text)}'");
        var headers = text[..split].Split("\r\n");
        var status = int.Parse(headers[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var type = headers.FirstOrDefault(h => h.StartsWith("Content-Type:",
            StringComparison.OrdinalIgnoreCase))?[13..].Trim() ?? "";
        var body = text[(split + 4)..];
        if (headers.Any(h => h.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase)
            && h.Contains("chunked"))) body = Dechunk(body);
        return new HarnessAnswer(status, type, body, IsFile: false);
    }

    /// <summary>
    /// The payload of a chunked body (sizes in hex, each chunk followed by CRLF, a zero-size chunk last).
    /// </summary>
    private static string Dechunk(string body)
    {
        var payload = new StringBuilder();
        var at = 0;
        while (at < body.Length)
        {
            var eol = body.IndexOf("\r\n", at, StringComparison.Ordinal);
            if (eol < 0) break;
            var size = Convert.ToInt32(body[at..eol].Split(';')[0].Trim(), 16);
            if (size == 0) break;
            var bytes = Encoding.UTF8.GetBytes(body[(eol + 2)..]);
            var chunk = Encoding.UTF8.GetString(bytes, 0, Math.Min(size, bytes.Length));
            payload.Append(chunk);
            at = eol + 2 + chunk.Length + 2;
        }
        return payload.ToString();
    }

    /// <summary>
    /// Headers and a body of the announced <c>Content-Length</c> have arrived (chunked answers end at close).
    /// </summary>
    private static bool Complete(byte[] data)
    {
        var text = Encoding.UTF8.GetString(data);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (split < 0) return false;
        var length = text[..split].Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Length:",
            StringComparison.OrdinalIgnoreCase));
        return length is not null
            && data.Length - Encoding.UTF8.GetByteCount(text[..(split + 4)]) >= long.Parse(length[15..].Trim(),
            System.Globalization.CultureInfo.InvariantCulture);
    }
}
