using System.Text.Json;
using System.Text.Json.Serialization;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Approval;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Approval;

/// <summary>
/// <c>POST /apv/dd_callback.dspy?orgid=…&amp;msg_signature=…&amp;timestamp=…&amp;nonce=…</c> with body
/// <c>{"encrypt": "…"}</c>: DingTalk's HTTP event subscription for one org's app (undocumented inbound endpoint,
/// analysis/platform.md §7 #10). Anonymous; the signature and AES envelope are checked with the org's token and
/// EncodingAESKey (<see cref="DingTalkEventCrypto"/>), the receiver must be the org's app key. <c>check_url</c> and
/// every other event are acknowledged; <c>bpms_instance_change</c> with <c>type</c> <c>finish</c> (result
/// agree/refuse) or <c>terminate</c> applies the result through <see cref="ApprovalResults"/> (repeats change nothing).
/// Answers DingTalk's encrypted <c>success</c>; a bad signature is <c>status:false, invalid_argument</c>.
/// </summary>
public sealed record ReceiveDingTalkEvent : ICommand<DingTalkAck>
{
    /// <summary>Org whose app the subscription belongs to.</summary>
    public string? Orgid { get; init; }
    /// <summary>DingTalk's signature.</summary>
    public string? MsgSignature { get; init; }
    /// <summary>DingTalk's timestamp (ms).</summary>
    public string? Timestamp { get; init; }
    /// <summary>Other spelling of <c>msg_signature</c> some DingTalk pushes use.</summary>
    public string? Signature { get; init; }
    /// <summary>Other spelling of <c>timestamp</c>.</summary>
    [JsonPropertyName("timeStamp")]
    public string? TimeStamp { get; init; }

    /// <summary>The signature, whichever spelling came.</summary>
    [JsonIgnore]
    internal string? AnySignature => MsgSignature.TrimmedOrNull() ?? Signature.TrimmedOrNull();

    /// <summary>The timestamp, whichever spelling came.</summary>
    [JsonIgnore]
    internal string? AnyTimestamp => Timestamp.TrimmedOrNull() ?? TimeStamp.TrimmedOrNull();
    /// <summary>DingTalk's nonce.</summary>
    public string? Nonce { get; init; }
    /// <summary>The encrypted event (JSON body).</summary>
    public string? Encrypt { get; init; }
}

public sealed class ReceiveDingTalkEventValidator : AbstractValidator<ReceiveDingTalkEvent>
{
    public ReceiveDingTalkEventValidator()
    {
        RuleFor(x => x.Orgid).Required().MaxChars(64);
        RuleFor(x => x.MsgSignature).MaxChars(128);
        RuleFor(x => x.Signature).MaxChars(128);
        RuleFor(x => x.Timestamp).MaxChars(32);
        RuleFor(x => x.TimeStamp).MaxChars(32);
        RuleFor(x => x.AnySignature).NotEmpty().OverridePropertyName("msg_signature")
            .WithMessage(RuleExtensions.Missing("msg_signature"));
        RuleFor(x => x.AnyTimestamp).NotEmpty().OverridePropertyName("timestamp")
            .WithMessage(RuleExtensions.Missing("timestamp"));
        RuleFor(x => x.Nonce).Required().MaxChars(64);
        RuleFor(x => x.Encrypt).Required().MaxChars(20000);
    }
}

public sealed class ReceiveDingTalkEventHandler(IKbossDbContext db, ISecretProtector secrets,
    ApprovalResults results, TimeProvider clock) : ICommandHandler<ReceiveDingTalkEvent, DingTalkAck>
{
    /// <summary>Signature, key or receiver do not match.</summary>
    public const string BadSignatureMessage = "钉钉回调签名校验失败";

    public async ValueTask<DingTalkAck> Handle(ReceiveDingTalkEvent c, CancellationToken ct)
    {
        var orgId = c.Orgid!.Trim();
        var key = await db.ApvKeys.AsNoTracking().FirstOrDefaultAsync(k => k.OrgId == orgId, ct)
                  ?? throw new BusinessException(ApprovalConfig.NoKeyMessage, ErrorCodes.NotConfigured);
        var token = secrets.Unprotect(key.HttpToken);
        var aesKey = secrets.Unprotect(key.HttpAesKey);
        var message = DingTalkEventCrypto.Open(token, aesKey, key.AppKey, c.AnySignature!, c.AnyTimestamp!, c.Nonce!,
            c.Encrypt!) ?? throw new BusinessException(BadSignatureMessage, ErrorCodes.InvalidArgument);
        DingTalkEvent? e;
        try
        {
            e = JsonSerializer.Deserialize<DingTalkEvent>(message);
        }
        catch (JsonException)
        {
            e = null;
        }
        if (e is { EventType: "bpms_instance_change", ProcessInstanceId: { Length: > 0 } id }
            && ResultOf(e) is { } result)
            await results.ApplyAsync(orgId, id, result, ct);
        return DingTalkEventCrypto.Ack(token, aesKey, key.AppKey, clock.GetUtcNow());
    }

    private static string? ResultOf(DingTalkEvent e) => (e.Type, e.Result) switch
    {
        ("finish", "agree") => ApprovalStatus.Agree,
        ("finish", "refuse") => ApprovalStatus.Refuse,
        ("terminate", _) => ApprovalStatus.Terminate,
        _ => null,
    };

    private sealed record DingTalkEvent(
        [property: JsonPropertyName("EventType")] string? EventType,
        [property: JsonPropertyName("processInstanceId")] string? ProcessInstanceId,
        [property: JsonPropertyName("type")] string? Type,
        [property: JsonPropertyName("result")] string? Result);
}
