using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.FloatingWidget;
using Mediator;

namespace Kboss.Application.FloatingWidget;

/// <summary>
/// <c>POST /floating/apply.dspy</c> 申请试用 (analysis/platform.md E38, §4.8; anonymous, rate-limited): a trial
/// application accepted only with the valid SMS code <c>vcode</c> of <c>phone</c>, which it consumes (one use; 5 wrong
/// tries burn it). With a session the applicant is the caller (a body <c>userid</c> is ignored). The reply carries
/// the envelope and echoes the submitted fields without <c>vcode</c> (analysis §7 #35). Once saved, the operators are
/// told through <c>SendMessage</c> (E38 step 5, message type <see cref="ApplyTrialHandler.MsgType"/>): every user of the
/// caller's operator org, else of the platform org.
/// </summary>
public sealed record ApplyTrial : ICommand<TrialApplyReply>
{
    /// <summary>The documented body object: its fields arrive as the parameters below (a JSON body is
    /// merged).</summary>
    public string? Body { get; init; }
    /// <summary>Applicant (ignored: the session decides).</summary>
    public string? Userid { get; init; }
    /// <summary>Applicant's name (required, ≤ 50).</summary>
    public string? Customer { get; init; }
    /// <summary>Mobile the SMS code was sent to (required).</summary>
    public string? Phone { get; init; }
    /// <summary>Company / work unit (required, ≤ 100).</summary>
    public string? Unit { get; init; }
    /// <summary>Product id or code (required, opaque).</summary>
    public string? Product { get; init; }
    /// <summary>Wanted resources: a JSON array of strings or a comma-separated list (≤ 20 items of ≤ 50).</summary>
    public string? Resources { get; init; }
    /// <summary>SMS code sent to <c>phone</c> (required).</summary>
    public string? Vcode { get; init; }

    /// <summary><see cref="Resources"/> parsed; null when malformed.</summary>
    [JsonIgnore]
    internal IReadOnlyList<string>? ResourceList => ParseResources(Resources);

    private static IReadOnlyList<string>? ParseResources(string? raw)
    {
        var text = raw.TrimmedOrNull();
        if (text is null) return [];
        if (!text.StartsWith('['))
            return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        try
        {
            return JsonSerializer.Deserialize<List<string>>(text)?.Select(s => s.Trim()).ToList();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed class ApplyTrialValidator : AbstractValidator<ApplyTrial>
{
    public ApplyTrialValidator()
    {
        RuleFor(x => x.Customer).Required().MaxChars(50);
        RuleFor(x => x.Phone).Required().Must(p => p is null || SendSmsCodeValidator.IsMobile(p.Trim()))
            .WithMessage("手机号格式错误");
        RuleFor(x => x.Unit).Required().MaxChars(100);
        RuleFor(x => x.Product).Required().MaxChars(64);
        RuleFor(x => x.Vcode).Required("请输入验证码").MaxChars(10);
        RuleFor(x => x.Userid).MaxChars(64);
        RuleFor(x => x.Resources).Must((x, _) => x.ResourceList is { Count: <= 20 } list
                && list.All(r => r.Length is > 0 and <= 50))
            .WithMessage("resources 应为字符串数组(最多20项,每项不超过50字)");
    }
}

/// <summary>The reply of <see cref="ApplyTrial"/>: the envelope plus the echoed application (documented
/// example).</summary>
public sealed record TrialApplyReply(
    [property: JsonPropertyOrder(0)] bool Status,
    [property: JsonPropertyOrder(1)] string Msg,
    [property: JsonPropertyOrder(2)] string Id,
    [property: JsonPropertyOrder(3)] string? Userid,
    [property: JsonPropertyOrder(4)] string Customer,
    [property: JsonPropertyOrder(5)] string Phone,
    [property: JsonPropertyOrder(6)] string Unit,
    [property: JsonPropertyOrder(7)] string Product,
    [property: JsonPropertyOrder(8)] IReadOnlyList<string> Resources);

public sealed class ApplyTrialHandler(IKbossDbContext db, ICurrentUser user, IRequestContext request,
    SmsCodeVerifier codes, FloatingWidgetAccess access, ISender mediator)
    : ICommandHandler<ApplyTrial, TrialApplyReply>
{
    /// <summary>The notification's type (template code).</summary>
    public const string MsgType = "试用申请";

    public async ValueTask<TrialApplyReply> Handle(ApplyTrial c, CancellationToken ct)
    {
        var resources = c.ResourceList!;
        var row = new TrialApplication
        {
            UserId = user.UserId, OrgId = user.OrgId, Customer = c.Customer!.Trim(), Phone = c.Phone!.Trim(),
            Unit = c.Unit!.Trim(), Product = c.Product!.Trim(), Resources = JsonSerializer.Serialize(resources),
            ClientAddress = ClientAddress.ThrottleKey(request.ClientIp),
        };
        await using var tx = await db.BeginTransactionAsync(ct);
        var verified = await codes.ConsumeAsync(row.Phone, c.Vcode!.Trim(), "vcode", ct);
        if (!verified.Ok)
        {
            await tx.CommitAsync(ct); // the wrong try counts
            throw verified.Failure!.ToException();
        }
        db.TrialApplications.Add(row);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (await access.CardOrgForCallerAsync(ct) is { } operators)
            await mediator.Send(new Messages.SendMessage(MsgType, MsgType,
                "$customer($unit,$phone)申请试用产品 $product,资源:$resources",
                new Dictionary<string, string>
                {
                    ["customer"] = row.Customer, ["unit"] = row.Unit, ["phone"] = row.Phone, ["product"] = row.Product,
                    ["resources"] = string.Join("、", resources),
                }) { ReceiverOrgId = operators }, ct);
        return new TrialApplyReply(true, "申请成功", row.Id, row.UserId, row.Customer, row.Phone, row.Unit,
            row.Product, resources);
    }
}
