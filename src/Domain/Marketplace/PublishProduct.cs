using Kboss.Domain.Common;

namespace Kboss.Domain.Marketplace;

/// <summary>
/// 商品|需求: an item of the supply–demand square, goods (<c>publish_type</c> 1) or demand (2). Its workflow state
/// (<see cref="AuditStatus"/>, <see cref="ListingStatus"/>, <see cref="ISoftDeletable.DelFlg"/>) changes only through
/// <see cref="Publish"/> and <see cref="Decide"/>, which ask <see cref="PublishWorkflow"/>.
/// spec: 04-marketplace.md; analysis/catalog.md §2.9, §4.2.
/// </summary>
public sealed class PublishProduct : Entity, ISoftDeletable
{
    /// <summary>Publisher.</summary>
    public string UserId { get; set; } = "";
    /// <summary>The publisher's org (items of orgs an operator owns are that operator's to moderate).</summary>
    public string OrgId { get; set; } = "";
    /// <summary>Site (<c>url_link</c>), empty when not given.</summary>
    public string UrlLink { get; set; } = "";
    /// <summary><c>"1"</c> 商品 goods, <c>"2"</c> 需求 demand.</summary>
    public string PublishType { get; set; } = PublishTypes.Goods;
    /// <summary>是否支持GPU: <c>"1"</c> or null.</summary>
    public string? CartFlag { get; set; }
    /// <summary>图片.</summary>
    public string? Img { get; set; }
    /// <summary>Name.</summary>
    public string ProductName { get; set; } = "";
    /// <summary>Category path as sent: a JSON array of category ids (<c>["root","child"]</c>).</summary>
    public string ProductCategory { get; set; } = "[]";
    /// <summary>The category ids of <see cref="ProductCategory"/>, one row each (indexed filter path).</summary>
    public List<PublishProductCategory> Categories { get; set; } = [];
    /// <summary>Company name.</summary>
    public string? CompanyName { get; set; }
    /// <summary>Company category (id or name of a <see cref="CompanyCategory"/>).</summary>
    public string? CompanyType { get; set; }
    /// <summary>Contact person.</summary>
    public string? ContactPerson { get; set; }
    /// <summary>Contact's job title.</summary>
    public string? JobTitle { get; set; }
    /// <summary>Phone.</summary>
    public string? PhoneNumber { get; set; }
    /// <summary>Email.</summary>
    public string? Email { get; set; }
    /// <summary>CPU spec.</summary>
    public string? Cpu { get; set; }
    /// <summary>Memory spec (wire name <c>memeory</c>, typo kept).</summary>
    public string? Memeory { get; set; }
    /// <summary>GPU spec.</summary>
    public string? Gpu { get; set; }
    /// <summary>系统盘.</summary>
    public string? SysDisk { get; set; }
    /// <summary>数据盘.</summary>
    public string? DataDisk { get; set; }
    /// <summary>网络配置.</summary>
    public string? NetCard { get; set; }
    /// <summary>价格.</summary>
    public decimal? Price { get; set; }
    /// <summary>价格单位 (e.g. 元/月).</summary>
    public string? Unit { get; set; }
    /// <summary>折扣 (e.g. 0.8).</summary>
    public decimal? Discount { get; set; }
    /// <summary>折扣后价格.</summary>
    public decimal? DiscountPrice { get; set; }
    /// <summary>Service charge.</summary>
    public decimal? ServiceCharge { get; set; }
    /// <summary>是否短租: <c>"1"</c>/<c>"0"</c>.</summary>
    public string? ShortTerm { get; set; }
    /// <summary>首页展示优先级: larger first, default 1.</summary>
    public int Priority { get; set; } = 1;
    /// <summary>首页标签.</summary>
    public string? Label { get; set; }
    /// <summary>是否推送到首页: <c>"1"</c> pushed to the homepage, <c>"0"</c> not.</summary>
    public string FirstPage { get; set; } = "0";
    /// <summary>商品概述.</summary>
    public string? RequirementSummary { get; set; }
    /// <summary>相关参数.</summary>
    public string? RelatedParameters { get; set; }
    /// <summary>应用场景.</summary>
    public string? ApplicationScenario { get; set; }
    /// <summary>审核状态: pending/approved/rejected.</summary>
    public string AuditStatus { get; private set; } = AuditStatuses.Pending;
    /// <summary>上架状态: listing/delisting/null (empty after a customer edit).</summary>
    public string? ListingStatus { get; private set; }
    /// <summary>Reason of the last rejection; cleared on approval and resubmission.</summary>
    public string? RejectReason { get; private set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>Legacy <c>status</c>: <c>"1"</c> iff listed (derived, analysis §6 #14).</summary>
    public string Status => ListingStatus == ListingStatuses.Listing ? "1" : "0";

    /// <summary>The workflow state.</summary>
    public PublishState State => new(AuditStatus, ListingStatus, DelFlg == DelFlag.Deleted);

    /// <summary>
    /// A new item of <paramref name="userId"/> in <paramref name="orgId"/>, in the workflow's initial state
    /// (<see cref="PublishWorkflow.Initial"/>: an operator's is approved and listed, a customer's pending).
    /// </summary>
    public static PublishProduct Publish(string userId, string orgId, bool publishedByOperator)
    {
        var item = new PublishProduct { UserId = userId, OrgId = orgId };
        item.Store(PublishWorkflow.Initial(publishedByOperator), null);
        return item;
    }

    /// <summary>
    /// <paramref name="action"/> by <paramref name="actor"/> as <see cref="PublishWorkflow.Decide"/> rules it; the
    /// state changes only when allowed. <see cref="PublishAction.Delete"/> is the only way to delete an item.
    /// </summary>
    public Result Decide(PublishActor actor, PublishAction action, string? rejectReason = null)
    {
        var t = PublishWorkflow.Decide(State, RejectReason, actor, action, rejectReason);
        if (t.Failure is { } refused) return refused;
        Store(t.State!, t.RejectReason);
        return Result.Done;
    }

    private void Store(PublishState state, string? rejectReason)
    {
        AuditStatus = state.AuditStatus;
        ListingStatus = state.ListingStatus;
        DelFlg = state.Deleted ? DelFlag.Deleted : DelFlag.Alive;
        RejectReason = rejectReason;
    }
}

/// <summary>One category id of a published item (filter path of <c>product_category</c>).</summary>
public sealed class PublishProductCategory
{
    /// <summary>Item id.</summary>
    public string ProductId { get; set; } = "";
    /// <summary>Category id.</summary>
    public string CategoryId { get; set; } = "";
}

/// <summary>Values of <c>publish_type</c> / <c>favorite_type</c>.</summary>
public static class PublishTypes
{
    /// <summary>商品.</summary>
    public const string Goods = "1";
    /// <summary>需求.</summary>
    public const string Demand = "2";
    /// <summary>Both values.</summary>
    public static readonly string[] All = [Goods, Demand];
}

/// <summary>Values of <c>audit_status</c>.</summary>
public static class AuditStatuses
{
    /// <summary>待审.</summary>
    public const string Pending = "pending";
    /// <summary>通过.</summary>
    public const string Approved = "approved";
    /// <summary>拒绝.</summary>
    public const string Rejected = "rejected";
    /// <summary>Every value.</summary>
    public static readonly string[] All = [Pending, Approved, Rejected];
}

/// <summary>Values of <c>listing_status</c> (null = 空, not listed yet).</summary>
public static class ListingStatuses
{
    /// <summary>上架.</summary>
    public const string Listing = "listing";
    /// <summary>下架.</summary>
    public const string Delisting = "delisting";
    /// <summary>Both values.</summary>
    public static readonly string[] All = [Listing, Delisting];
}
