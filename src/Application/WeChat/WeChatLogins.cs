using System.Security.Cryptography;
using System.Text;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Application.Common.Validation;
using FluentValidation;

namespace Kboss.Application.WeChat;

/// <summary>What the WeChat login use cases share: messages, the state rule, and the code exchange.</summary>
public static class WeChatLogins
{
    /// <summary>Login not configured.</summary>
    public const string NotConfigured = "微信登录未配置";
    /// <summary>No code (yet) for a state, or not for this browser (the same answer on purpose).</summary>
    public const string NoCode = "未获取到code";
    /// <summary><c>type</c> of a mini-program <c>js_code</c>.</summary>
    public const string Mini = "mini";
    /// <summary><c>type</c> of a web QR code (default).</summary>
    public const string Web = "web";

    /// <summary>A front-end state: 16–64 of <c>[A-Za-z0-9_-]</c> (at least 96 random bits).</summary>
    public static IRuleBuilderOptions<T, string?> LoginState<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Required().Must(v => v is null || (v.Length is >= 16 and <= 64 && v.All(c => char.IsAsciiLetterOrDigit(c)
            || c is '_' or '-'))).WithMessage("state 必须是 16 到 64 个字母、数字、_ 或 -");

    /// <summary>Hex SHA-256 of a browser key (the key itself is never stored).</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Exchanges <paramref name="code"/> (web by default, <c>type=mini</c> for a <c>js_code</c>); no
    /// transaction may be open.</summary>
    /// <exception cref="BusinessException">Not configured, or WeChat refused or failed (its code).</exception>
    public static async Task<WeChatIdentity> ExchangeAsync(this IWeChatAuthClient wechat, string code, string? type,
        CancellationToken ct)
    {
        var mini = string.Equals(type?.Trim(), Mini, StringComparison.OrdinalIgnoreCase);
        if (mini ? !wechat.MiniProgramConfigured : wechat.WebAppId is null)
            throw new BusinessException(NotConfigured, ErrorCodes.NotConfigured);
        try
        {
            return mini ? await wechat.ExchangeMiniProgramCodeAsync(code, ct)
                : await wechat.ExchangeWebCodeAsync(code, ct);
        }
        catch (OutsideCallException e)
        {
            throw new BusinessException($"微信授权失败: {e.Message}", e.Code);
        }
    }

    /// <summary>The validator rules of <c>wechatCode</c> and <c>type</c>.</summary>
    public static void CodeRules<T>(AbstractValidator<T> v, System.Linq.Expressions.Expression<Func<T, string?>> code,
        System.Linq.Expressions.Expression<Func<T, string?>> type)
    {
        v.RuleFor(code).Required().MaxChars(256);
        v.RuleFor(type).OneOf([Web, Mini]);
    }
}
