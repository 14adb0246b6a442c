using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;

namespace Kboss.Application.Baidu;

/// <summary>The account created.</summary>
/// <param name="AccountId">Baidu's account id.</param>
public sealed record BaiduAccountData(string AccountId);

/// <summary>
/// PRV-03 <c>POST /v1/vs/account</c> 百度云创建用户 (spec 10-provider.md; finance.md §3.2 PRV-03, §5.3): an operator
/// creates a Baidu Cloud sub-account through the configured Baidu reseller credentials (<c>Baidu:*</c>, ADR 0033).
/// Without them → <c>百度云未配置</c> (<c>not_configured</c>); Baidu's refusal or no answer → <c>upstream_failed</c>
/// (never retried: a repeat could create a second account). Parameters keep Baidu's camelCase names.
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
    }
}

public sealed class CreateBaiduAccountHandler(IBaiduCloudGateway baidu, IKbossDbContext db, ICurrentUser user)
    : ICommandHandler<CreateBaiduAccount, Reply<BaiduAccountData>>
{
    /// <summary>No credentials configured.</summary>
    public const string NotConfiguredMessage = "百度云未配置";

    public async ValueTask<Reply<BaiduAccountData>> Handle(CreateBaiduAccount c, CancellationToken ct)
    {
        if (!baidu.IsConfigured) throw new BusinessException(NotConfiguredMessage, ErrorCodes.NotConfigured);
        var request = new BaiduAccountRequest(c.Name.Trimmed(), c.Email.TrimmedOrNull(), c.MobilePhone.TrimmedOrNull(),
            c.AccountType.TrimmedOrNull());
        BaiduAccountCreated created;
        try
        {
            created = await Common.Metrics.KbossMetrics.TimeOutsideCallAsync("baidu",
                () => baidu.CreateAccountAsync(request, ct));
        }
        catch (OutsideCallException e)
        {
            db.AuditEntries.Add(Audit.Entry(user, "baidu.account.failed", "baidu_account", request.Name,
                new { request.Name, reason = e.Message, unknown = e.OutcomeUnknown }));
            await db.SaveChangesAsync(CancellationToken.None);
            throw new BusinessException(e.OutcomeUnknown ? $"{e.Message};账户可能已创建,请先在百度云核对再重试" : e.Message,
                ErrorCodes.UpstreamFailed);
        }
        db.AuditEntries.Add(Audit.Entry(user, "baidu.account.created", "baidu_account", created.AccountId,
            new { request.Name, request.Email, request.AccountType }));
        await db.SaveChangesAsync(CancellationToken.None);
        return Reply.Ok("创建成功", new BaiduAccountData(created.AccountId));
    }
}
