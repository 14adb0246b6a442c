using Kboss.Application.WeChat.Recharges;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Contract;

/// <summary>
/// The wire side of WeChat Pay's notification (issue 12, ADR 0030): the raw body (at most 64 KiB, exactly as sent, for
/// the signature) and the headers go to <see cref="HandlePayNotification"/>; its answer becomes 204, or the refusal's
/// status with WeChat's documented failure shape <c>{"code":"FAIL","message":"…"}</c>. Whatever else goes wrong
/// answers 500 in that shape (never kboss's envelope with 200, which WeChat would take as "received").
/// </summary>
public static class WeChatNotifyContract
{
    /// <summary>Largest accepted notification body.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Reads the notification and sends it.</summary>
    public static async Task<IActionResult> HandleAsync(HttpRequest request, ISender mediator, ILogger log,
        CancellationToken ct)
    {
        WeChatNotifyAnswer answer;
        try
        {
            var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            if (buffer.Length > MaxBodyBytes) return Fail(new(413, "报文过大"));
            var body = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(),
                StringComparer.OrdinalIgnoreCase);
            answer = await mediator.Send(new HandlePayNotification(headers, body), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "WeChat Pay notification could not be handled");
            answer = new(500, "系统繁忙,请稍后重试");
        }
        return answer.Message is null ? new StatusCodeResult(answer.HttpStatus) : Fail(answer);
    }

    private static ObjectResult Fail(WeChatNotifyAnswer answer) =>
        new(new { code = "FAIL", message = answer.Message }) { StatusCode = answer.HttpStatus };
}
