using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;

namespace Kboss.Application.Cpcc.Centers;

/// <summary>The editable fields shared by C2 (add) and C3 (update). spec: 37-cpcc-centers.md.</summary>
public interface ICenterFields
{
    /// <summary>算力中心名称 (required, ≤ 100 chars).</summary>
    string? Name { get; }
    /// <summary>算力中心API总址: absolute http(s) URL (required).</summary>
    string? PcapiUrl { get; }
    /// <summary>算力中心接口账号 (required).</summary>
    string? ApiUser { get; }
    /// <summary>算力中心接口密码 (required on add; on update the mask or empty keeps the stored one).</summary>
    string? ApiPwd { get; }
    /// <summary>联系人 (required).</summary>
    string? Contactname { get; }
    /// <summary>手机号 (required).</summary>
    string? Contactphone { get; }
    /// <summary>启用日期 yyyy-MM-dd (optional).</summary>
    string? EnableDate { get; }
    /// <summary>停用日期 yyyy-MM-dd (optional, not before the enable date).</summary>
    string? ExpireDate { get; }
}

/// <summary>Rules on <see cref="ICenterFields"/>, included by the add and update validators.</summary>
public sealed class CenterFieldsValidator : AbstractValidator<ICenterFields>
{
    /// <summary>Rules; <paramref name="passwordRequired"/> is false on update.</summary>
    public CenterFieldsValidator(bool passwordRequired)
    {
        RuleFor(x => x.Name).Required().MaxChars(100);
        RuleFor(x => x.PcapiUrl).Required().MaxChars(500).HttpUrl();
        RuleFor(x => x.ApiUser).Required().MaxChars(100);
        if (passwordRequired) RuleFor(x => x.ApiPwd).Required().MaxChars(200);
        else RuleFor(x => x.ApiPwd).MaxChars(200);
        RuleFor(x => x.Contactname).Required().MaxChars(50);
        RuleFor(x => x.Contactphone).Required().MaxChars(30)
            .Matches(@"^\+?[0-9\- ]{5,30}$").WithMessage("contactphone 手机号格式错误");
        RuleFor(x => x.EnableDate).OptionalDate();
        RuleFor(x => x.ExpireDate).OptionalDate();
        RuleFor(x => x.ExpireDate)
            .Must((x, expire) => RuleExtensions.ToDate(x.EnableDate) is not { } e || RuleExtensions.ToDate(expire) is not { } d || d >= e)
            .WithMessage("停用日期不能早于启用日期");
    }

}

/// <summary>The one mapping from <see cref="ICenterFields"/> onto a centre (add and update share it).</summary>
public static class CenterMapper
{
    /// <summary>Copies the validated fields onto <paramref name="center"/>; encrypts a new password.</summary>
    public static void Apply(ICenterFields f, ComputeCenter center, ISecretProtector secrets)
    {
        center.Name = f.Name.Trimmed();
        center.PcapiUrl = f.PcapiUrl.Trimmed();
        center.ApiUser = f.ApiUser.Trimmed();
        if (!SecretMask.MeansKeep(f.ApiPwd)) center.ApiPwdProtected = secrets.Protect(f.ApiPwd!);
        center.ContactName = f.Contactname.Trimmed();
        center.ContactPhone = f.Contactphone.Trimmed();
        center.EnableDate = RuleExtensions.ToDate(f.EnableDate);
        center.ExpireDate = RuleExtensions.ToDate(f.ExpireDate);
    }
}
