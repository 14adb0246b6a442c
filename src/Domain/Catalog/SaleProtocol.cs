using Kboss.Domain.Common;

namespace Kboss.Domain.Catalog;

/// <summary>
/// 销售协议: the agreement between a selling org (<c>offer_orgid</c>, typically a provider) and a buying org
/// (<c>bid_orgid</c>, an operator or reseller), signed through a salesperson. spec: 12-sale-protocol.md;
/// analysis/catalog.md §2.14, §3.7.
/// </summary>
public sealed class SaleProtocol : Entity, ISoftDeletable
{
    /// <summary>销售人员id (a user), optional.</summary>
    public string? OfferSalemanid { get; set; }
    /// <summary>卖方orgid.</summary>
    public string OfferOrgid { get; set; } = "";
    /// <summary>买方orgid.</summary>
    public string BidOrgid { get; set; } = "";
    /// <summary>销售模式: <c>"0"</c> 折扣, <c>"1"</c> 回佣, <c>"2"</c> 底价.</summary>
    public string? Salemode { get; set; }
    /// <summary>结算模式 (free text; values undocumented).</summary>
    public string? Settlemode { get; set; }
    /// <summary>结算日期模版 (free text).</summary>
    public string? SettleDp { get; set; }
    /// <summary>协议文件 (path or URL).</summary>
    public string? Protocolfile { get; set; }
    /// <summary>Validity start.</summary>
    public DateOnly? StartDate { get; set; }
    /// <summary>Validity end (inclusive).</summary>
    public DateOnly? EndDate { get; set; }
    /// <summary>Creator.</summary>
    public string UserId { get; set; } = "";
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;
}

