using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Protocols;

/// <summary>The terms of a protocol shared by add and update (12-sale-protocol.md).</summary>
public interface ISaleProtocolTerms
{
    /// <summary>销售模式: 0 折扣 / 1 回佣 / 2 底价.</summary>
    string? Salemode { get; }
    /// <summary>结算模式.</summary>
    string? Settlemode { get; }
    /// <summary>结算日期模版.</summary>
    string? SettleDp { get; }
    /// <summary>协议文件.</summary>
    string? Protocolfile { get; }
    /// <summary>开始时间 yyyy-MM-dd (a trailing HH:mm:ss is accepted and dropped).</summary>
    string? StartDate { get; }
    /// <summary>结束时间 yyyy-MM-dd (inclusive).</summary>
    string? EndDate { get; }
}

/// <summary>Format rules of <see cref="ISaleProtocolTerms"/> and the helpers of the protocol use cases.</summary>
public sealed class SaleProtocolTermsValidator : AbstractValidator<ISaleProtocolTerms>
{
    /// <summary>Message when the validity period is reversed.</summary>
    public const string ReversedDates = "开始时间不能晚于结束时间";
    /// <summary>Message for a protocol that does not exist.</summary>
    public const string NotFound = "协议不存在";
    /// <summary>Message for a protocol of orgs the caller may not act on.</summary>
    public const string Forbidden = "无权操作该协议";

    public SaleProtocolTermsValidator()
    {
        RuleFor(x => x.Salemode).OneOf(SaleModes.All);
        RuleFor(x => x.Settlemode).MaxChars(50);
        RuleFor(x => x.SettleDp).MaxChars(100);
        RuleFor(x => x.Protocolfile).MaxChars(1000);
        RuleFor(x => x.StartDate).OptionalDateTime();
        RuleFor(x => x.EndDate).OptionalDateTime();
    }

    /// <summary>The date part of a validated <c>yyyy-MM-dd[ HH:mm:ss]</c>, or null when empty.</summary>
    public static DateOnly? Date(string? value) =>
        RuleExtensions.TryDateOrTime(value, out var t, out _) ? DateOnly.FromDateTime(t) : null;

}

/// <summary>A protocol on the wire (analysis §3.7.2), with the names of both orgs.</summary>
public sealed record SaleProtocolView
{
    /// <summary>协议表id (= <c>protocolid</c> of update).</summary>
    public string Id { get; init; } = "";
    /// <summary>销售人员id.</summary>
    public string? OfferSalemanid { get; init; }
    /// <summary>卖方orgid.</summary>
    public string OfferOrgid { get; init; } = "";
    /// <summary>卖方名称.</summary>
    public string? OfferOrgname { get; init; }
    /// <summary>买方orgid.</summary>
    public string BidOrgid { get; init; } = "";
    /// <summary>买方名称.</summary>
    public string? BidOrgname { get; init; }
    /// <summary>销售模式.</summary>
    public string? Salemode { get; init; }
    /// <summary>结算模式.</summary>
    public string? Settlemode { get; init; }
    /// <summary>结算日期模版.</summary>
    public string? SettleDp { get; init; }
    /// <summary>协议文件.</summary>
    public string? Protocolfile { get; init; }
    /// <summary>Validity start (yyyy-MM-dd).</summary>
    public DateOnly? StartDate { get; init; }
    /// <summary>Validity end (yyyy-MM-dd).</summary>
    public DateOnly? EndDate { get; init; }
    /// <summary>Always "0".</summary>
    public string DelFlg { get; init; } = "0";
    /// <summary>Created (platform time).</summary>
    public DateTime CreateAt { get; init; }
    /// <summary>Last changed (platform time).</summary>
    public DateTime UpdateTime { get; init; }

    /// <summary>Maps an entity with the org names.</summary>
    public static SaleProtocolView From(SaleProtocol p, string? offerName, string? bidName) => new()
    {
        Id = p.Id, OfferSalemanid = p.OfferSalemanid, OfferOrgid = p.OfferOrgid, OfferOrgname = offerName,
        BidOrgid = p.BidOrgid, BidOrgname = bidName, Salemode = p.Salemode, Settlemode = p.Settlemode,
        SettleDp = p.SettleDp, Protocolfile = p.Protocolfile, StartDate = p.StartDate, EndDate = p.EndDate,
        DelFlg = p.DelFlg, CreateAt = p.CreateAt, UpdateTime = p.UpdateTime,
    };
}

/// <summary>The one mapping from <see cref="ISaleProtocolTerms"/> onto a protocol (add and update share it).</summary>
public static class SaleProtocolMapper
{
    /// <summary>Copies the given terms onto <paramref name="p"/> and checks the period.</summary>
    /// <exception cref="RequestValidationException">start_date after end_date.</exception>
    public static void Apply(ISaleProtocolTerms t, SaleProtocol p)
    {
        static string? C(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
        p.Salemode = C(t.Salemode) ?? p.Salemode;
        p.Settlemode = C(t.Settlemode) ?? p.Settlemode;
        p.SettleDp = C(t.SettleDp) ?? p.SettleDp;
        p.Protocolfile = C(t.Protocolfile) ?? p.Protocolfile;
        p.StartDate = SaleProtocolTermsValidator.Date(t.StartDate) ?? p.StartDate;
        p.EndDate = SaleProtocolTermsValidator.Date(t.EndDate) ?? p.EndDate;
        if (p.StartDate is { } s && p.EndDate is { } e && s > e)
            throw RequestValidationException.For("start_date", SaleProtocolTermsValidator.ReversedDates);
    }
}
