using System.Text.Json.Serialization;
using Kboss.Domain.Marketplace;

namespace Kboss.Application.Products.Marketplace;

/// <summary>
/// A published item as the public sees it (square, homepage, front-end detail, <c>product_info</c>): every field of
/// <c>publish_product_add</c> except <c>userid</c>, <c>audit_status</c>, <c>reject_reason</c> and <c>del_flg</c>
/// (analysis/catalog.md §3.2.10). spec: 04-marketplace.md.
/// </summary>
public record PublishProductView
{
    /// <summary>Item id.</summary>
    public string Id { get; init; } = "";
    /// <summary>1 商品, 2 需求.</summary>
    public string PublishType { get; init; } = "";
    /// <summary>是否支持GPU (<c>"1"</c> or null).</summary>
    public string? CartFlag { get; init; }
    /// <summary>Site.</summary>
    public string UrlLink { get; init; } = "";
    /// <summary>图片.</summary>
    public string? Img { get; init; }
    /// <summary>Name.</summary>
    public string ProductName { get; init; } = "";
    /// <summary>Category path, a JSON array of ids as text.</summary>
    public string ProductCategory { get; init; } = "[]";
    /// <summary>Company name.</summary>
    public string? CompanyName { get; init; }
    /// <summary>Company category.</summary>
    public string? CompanyType { get; init; }
    /// <summary>Contact person.</summary>
    public string? ContactPerson { get; init; }
    /// <summary>Job title.</summary>
    public string? JobTitle { get; init; }
    /// <summary>Phone.</summary>
    public string? PhoneNumber { get; init; }
    /// <summary>Email.</summary>
    public string? Email { get; init; }
    /// <summary>CPU.</summary>
    public string? Cpu { get; init; }
    /// <summary>Memory (wire name <c>memeory</c>).</summary>
    public string? Memeory { get; init; }
    /// <summary>GPU.</summary>
    public string? Gpu { get; init; }
    /// <summary>系统盘.</summary>
    public string? SysDisk { get; init; }
    /// <summary>数据盘.</summary>
    public string? DataDisk { get; init; }
    /// <summary>网络配置.</summary>
    public string? NetCard { get; init; }
    /// <summary>价格.</summary>
    public decimal? Price { get; init; }
    /// <summary>价格单位.</summary>
    public string? Unit { get; init; }
    /// <summary>折扣.</summary>
    public decimal? Discount { get; init; }
    /// <summary>折扣后价格.</summary>
    public decimal? DiscountPrice { get; init; }
    /// <summary>Service charge.</summary>
    public decimal? ServiceCharge { get; init; }
    /// <summary>是否短租.</summary>
    public string? ShortTerm { get; init; }
    /// <summary>首页展示优先级 (string, as the legacy wire).</summary>
    public string Priority { get; init; } = "1";
    /// <summary>上架状态 0/1 (derived from listing_status).</summary>
    public string Status { get; init; } = "0";
    /// <summary>首页标签.</summary>
    public string? Label { get; init; }
    /// <summary>是否推送到首页.</summary>
    public string FirstPage { get; init; } = "0";
    /// <summary>商品概述.</summary>
    public string? RequirementSummary { get; init; }
    /// <summary>相关参数.</summary>
    public string? RelatedParameters { get; init; }
    /// <summary>应用场景.</summary>
    public string? ApplicationScenario { get; init; }
    /// <summary>Created (platform time).</summary>
    public DateTime CreateAt { get; init; }
    /// <summary>Last changed (platform time).</summary>
    public DateTime UpdateTime { get; init; }
    /// <summary>Whether the caller follows the item (only when logged in).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? IsFavorite { get; init; }
    /// <summary>1-based row number (lists only).</summary>
    [JsonPropertyName("row_num_")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RowNum { get; init; }

    /// <summary>Maps an entity to the public view.</summary>
    public static PublishProductView From(PublishProduct p, bool? isFavorite = null, int? rowNum = null) =>
        Fill(new PublishProductView(), p, isFavorite, rowNum);

    /// <summary>Copies the public fields of <paramref name="p"/> into <paramref name="v"/>.</summary>
    protected static T Fill<T>(T v, PublishProduct p, bool? isFavorite, int? rowNum) where T : PublishProductView => (T)(((PublishProductView)v) with
    {
        Id = p.Id, PublishType = p.PublishType, CartFlag = p.CartFlag, UrlLink = p.UrlLink, Img = p.Img,
        ProductName = p.ProductName, ProductCategory = p.ProductCategory, CompanyName = p.CompanyName,
        CompanyType = p.CompanyType, ContactPerson = p.ContactPerson, JobTitle = p.JobTitle, PhoneNumber = p.PhoneNumber,
        Email = p.Email, Cpu = p.Cpu, Memeory = p.Memeory, Gpu = p.Gpu, SysDisk = p.SysDisk, DataDisk = p.DataDisk,
        NetCard = p.NetCard, Price = p.Price, Unit = p.Unit, Discount = p.Discount, DiscountPrice = p.DiscountPrice,
        ServiceCharge = p.ServiceCharge, ShortTerm = p.ShortTerm,
        Priority = p.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture), Status = p.Status,
        Label = p.Label, FirstPage = p.FirstPage, RequirementSummary = p.RequirementSummary,
        RelatedParameters = p.RelatedParameters, ApplicationScenario = p.ApplicationScenario, CreateAt = p.CreateAt,
        UpdateTime = p.UpdateTime, IsFavorite = isFavorite, RowNum = rowNum,
    });
}

/// <summary>
/// A published item in the back office (management search, back-office detail): the public view plus the publisher
/// and the workflow fields <c>audit_status</c>, <c>listing_status</c> (null = 空), <c>reject_reason</c>, <c>del_flg</c>.
/// </summary>
public sealed record PublishProductAdminView : PublishProductView
{
    /// <summary>Publisher.</summary>
    public string Userid { get; init; } = "";
    /// <summary>Publisher's org.</summary>
    public string Orgid { get; init; } = "";
    /// <summary>pending/approved/rejected.</summary>
    public string AuditStatus { get; init; } = "";
    /// <summary>listing/delisting/null.</summary>
    public string? ListingStatus { get; init; }
    /// <summary>Reason of the last rejection.</summary>
    public string? RejectReason { get; init; }
    /// <summary>Always "0" (deleted items are never returned).</summary>
    public string DelFlg { get; init; } = "0";

    /// <summary>Maps an entity to the back-office view.</summary>
    public static PublishProductAdminView FromAdmin(PublishProduct p, int? rowNum = null) => Fill(new PublishProductAdminView
    {
        Userid = p.UserId, Orgid = p.OrgId, AuditStatus = p.AuditStatus, ListingStatus = p.ListingStatus,
        RejectReason = p.RejectReason, DelFlg = p.DelFlg,
    }, p, null, rowNum);
}

/// <summary>
/// <c>publish_product_search_detail</c> data: the public view; with <c>from=b</c> also the publisher and the workflow
/// fields. Absent fields are null (front end: all of them; back office: <c>listing_status</c> 空 and no
/// <c>reject_reason</c>).
/// </summary>
public sealed record PublishProductDetailView : PublishProductView
{
    /// <summary>Publisher (back office only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Userid { get; init; }
    /// <summary>Publisher's org (back office only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Orgid { get; init; }
    /// <summary>pending/approved/rejected (back office only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AuditStatus { get; init; }
    /// <summary>listing/delisting (back office only; absent = 空).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ListingStatus { get; init; }
    /// <summary>Reason of the last rejection (back office only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RejectReason { get; init; }
    /// <summary>"0" (back office only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DelFlg { get; init; }

    /// <summary>The front-end detail.</summary>
    public static PublishProductDetailView Public(PublishProduct p, bool? isFavorite) => Fill(new PublishProductDetailView(), p, isFavorite, null);

    /// <summary>The back-office detail.</summary>
    public static PublishProductDetailView BackOffice(PublishProduct p) => Fill(new PublishProductDetailView
    {
        Userid = p.UserId, Orgid = p.OrgId, AuditStatus = p.AuditStatus, ListingStatus = p.ListingStatus,
        RejectReason = p.RejectReason, DelFlg = p.DelFlg,
    }, p, null, null);
}

/// <summary>Reply data of add/update: the id and the workflow state after the change.</summary>
/// <param name="Id">Item id.</param>
/// <param name="AuditStatus">pending/approved/rejected.</param>
/// <param name="ListingStatus">listing/delisting/null.</param>
/// <param name="Status">Legacy 0/1.</param>
/// <param name="RejectReason">Reason, when rejected.</param>
/// <param name="DelFlg">"1" once deleted.</param>
public sealed record PublishStateDto(string Id, string AuditStatus, string? ListingStatus, string Status, string? RejectReason, string DelFlg)
{
    /// <summary>Maps an entity.</summary>
    public static PublishStateDto From(PublishProduct p) => new(p.Id, p.AuditStatus, p.ListingStatus, p.Status, p.RejectReason, p.DelFlg);
}

/// <summary>Reply data carrying just an id.</summary>
/// <param name="Id">The new or changed record's id.</param>
public sealed record IdData(string Id);
