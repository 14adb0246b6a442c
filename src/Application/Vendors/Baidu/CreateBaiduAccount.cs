using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.Baidu;

/// <summary>The account created.</summary>
/// <param name="AccountId">Baidu's account id.</param>
/// <param name="Userid">The kboss user now linked to it, or null.</param>
public sealed record BaiduAccountData(string AccountId, string? Userid = null);

/// <summary>
/// PRV-03 <c>POST /v1/vs/account</c> 百度云创建用户 (spec 10-provider.md; finance.md §3.2 PRV-03, §5.3;
/// analysis/vendors.md §6 #45): an operator creates a Baidu Cloud sub-account with its org's Baidu key
/// (<c>/vendor/save_credential.dspy</c>, vendor <c>baidu</c>; ADR 0045 moved it from the global <c>Baidu:*</c>).
/// With <c>userid</c> (kboss addition) the account is created with the key of that user's operator and linked to
/// the user (E-BD-1), which the Baidu endpoints of module 18 need; a user already linked is a conflict before any
/// call. Without a key → <c>not_configured</c>; Baidu's refusal or no answer → <c>upstream_failed</c> (never
/// retried: a repeat could create a second account). Parameters keep Baidu's camelCase names.
/// </summary>
public sealed record CreateBaiduAccount : ICommand<Reply<BaiduAccountData>>
{
    /// <summary>Account name.</summary>
    public string? Name { get; init; }
    /// <summary>Email.</summary>
    public string? Email { get; init; }
    /// <summary>Mobile (11 digits).</summary>
    [JsonPropertyName("mobilePhone")] public string? MobilePhone { get; init; }
    /// <summary>Baidu's account type.</summary>
    [JsonPropertyName("accountType")] public string? AccountType { get; init; }
    /// <summary>kboss user to link the account to (optional).</summary>
    public string? Userid { get; init; }
}

public sealed class CreateBaiduAccountValidator : AbstractValidator<CreateBaiduAccount>
{
    public CreateBaiduAccountValidator()
    {
        RuleFor(x => x.Name).Required().MaxChars(64);
        RuleFor(x => x.Email).MaxChars(100)
            .Must(v => string.IsNullOrWhiteSpace(v) || (v.Contains('@') && !v.Trim().Contains(' ')))
            .WithMessage("email 格式错误");
        RuleFor(x => x.MobilePhone).Must(v => string.IsNullOrWhiteSpace(v)
                || (v.Trim().Length == 11 && v.Trim().All(char.IsAsciiDigit)))
            .WithName("mobilePhone").WithMessage("mobilePhone 必须是 11 位手机号");
        RuleFor(x => x.AccountType).MaxChars(32);
        RuleFor(x => x.Userid).MaxChars(64);
    }
}

public sealed class CreateBaiduAccountHandler(VendorAccounts accounts, IKbossDbContext db, ICurrentUser user)
    : ICommandHandler<CreateBaiduAccount, Reply<BaiduAccountData>>
{
    public async ValueTask<Reply<BaiduAccountData>> Handle(CreateBaiduAccount c, CancellationToken ct)
    {
        var target = c.Userid.TrimmedOrNull() is { } userid ? await accounts.UserAsync(userid, ct) : null;
        if (target is not null && await accounts.LinkAsync(VendorCodes.Baidu, target.Id, ct) is not null)
            throw BusinessException.Conflict(VendorAccounts.AlreadyLinkedMessage);
        var key = target is null
            ? await accounts.OperatorKeyAsync(VendorCodes.Baidu, BaiduService.System, user.OrgId ?? "", ct)
            : await accounts.KeyForAsync(VendorCodes.Baidu, BaiduService.System, target.OrgId, ct);
        var name = c.Name.Trimmed();
        var answer = await Common.Metrics.KbossMetrics.TimeOutsideCallAsync("baidu",
            () => accounts.TryAsync(VendorCodes.Baidu, key, BaiduCalls.CreateAccount(name, c.Email.TrimmedOrNull(),
                c.MobilePhone.TrimmedOrNull(), c.AccountType.TrimmedOrNull()), ct));
        var id = VendorJson.Str(answer.Data, "accountId", "userId", "id");
        if (!answer.Success || id is not { Length: > 0 and <= VendorAccount.VendorIdLength })
        {
            var unknown = answer.Success || answer.OutcomeUnknown;
            var reason = answer.Success ? "百度云应答中没有账户ID" : answer.Describe(BaiduService.System);
            await accounts.AuditAsync("baidu.account.failed", "baidu_account", name,
                new { name, reason, unknown });
            throw new BusinessException(unknown ? $"{reason};账户可能已创建,请先在百度云核对再重试" : reason,
                ErrorCodes.UpstreamFailed);
        }
        if (target is null)
        {
            db.AuditEntries.Add(Audit.Entry(user, "baidu.account.created", "baidu_account", id,
                new { name, c.Email, c.AccountType }));
            await db.SaveChangesAsync(CancellationToken.None);
            return Reply.Ok("创建成功", new BaiduAccountData(id));
        }
        await accounts.AddLinkAsync(new VendorAccount
        {
            Vendor = VendorCodes.Baidu, UserId = target.Id, Username = target.Username, OrgId = target.OrgId,
            OperatorOrgId = key.OperatorOrgId, VendorAccountId = id,
        }, new { name, userid = target.Id, baidu_id = id }, ct);
        return Reply.Ok("创建成功", new BaiduAccountData(id, target.Id));
    }
}
