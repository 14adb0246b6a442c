using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Marketplace;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Marketplace;

/// <summary>The editable fields of a published item, shared by add and update (names as documented, <c>memeory</c> included).</summary>
public interface IPublishProductFields
{
    /// <summary>1:商品 2:需求.</summary>
    string? PublishType { get; }
    /// <summary>是否支持GPU ("1" or anything else = null).</summary>
    string? CartFlag { get; }
    /// <summary>Site.</summary>
    string? UrlLink { get; }
    /// <summary>图片.</summary>
    string? Img { get; }
    /// <summary>Name.</summary>
    string? ProductName { get; }
    /// <summary>Category path, a JSON array of category ids ("注意是双引号").</summary>
    string? ProductCategory { get; }
    /// <summary>Company name.</summary>
    string? CompanyName { get; }
    /// <summary>Company category.</summary>
    string? CompanyType { get; }
    /// <summary>Contact person.</summary>
    string? ContactPerson { get; }
    /// <summary>Job title.</summary>
    string? JobTitle { get; }
    /// <summary>Phone.</summary>
    string? PhoneNumber { get; }
    /// <summary>Email.</summary>
    string? Email { get; }
    /// <summary>CPU.</summary>
    string? Cpu { get; }
    /// <summary>Memory (typo kept).</summary>
    string? Memeory { get; }
    /// <summary>GPU.</summary>
    string? Gpu { get; }
    /// <summary>系统盘.</summary>
    string? SysDisk { get; }
    /// <summary>数据盘.</summary>
    string? DataDisk { get; }
    /// <summary>网络配置.</summary>
    string? NetCard { get; }
    /// <summary>价格 (decimal ≥ 0).</summary>
    string? Price { get; }
    /// <summary>价格单位.</summary>
    string? Unit { get; }
    /// <summary>折扣 (decimal ≥ 0).</summary>
    string? Discount { get; }
    /// <summary>折扣后价格 (decimal ≥ 0).</summary>
    string? DiscountPrice { get; }
    /// <summary>Service charge (decimal ≥ 0).</summary>
    string? ServiceCharge { get; }
    /// <summary>是否短租 1/0.</summary>
    string? ShortTerm { get; }
    /// <summary>首页展示优先级 (integer; operators only).</summary>
    string? Priority { get; }
    /// <summary>首页标签.</summary>
    string? Label { get; }
    /// <summary>是否推送到首页 0/1 (operators only).</summary>
    string? FirstPage { get; }
    /// <summary>商品概述.</summary>
    string? RequirementSummary { get; }
    /// <summary>相关参数.</summary>
    string? RelatedParameters { get; }
    /// <summary>应用场景.</summary>
    string? ApplicationScenario { get; }
}

/// <summary>Rules on <see cref="IPublishProductFields"/> (analysis/catalog.md §3.2.9 step 2).</summary>
public sealed class PublishProductFieldsValidator : AbstractValidator<IPublishProductFields>
{
    /// <summary>Message for a malformed category path.</summary>
    public const string BadCategory = "product_category 必须是类别ID的JSON数组,例如 [\"id1\",\"id2\"]";

    /// <summary>
    /// Rules; <paramref name="adding"/> makes publish_type, product_name and product_category required.
    /// </summary>
    public PublishProductFieldsValidator(bool adding)
    {
        if (adding)
        {
            RuleFor(x => x.PublishType).Required();
            RuleFor(x => x.ProductName).Required();
            RuleFor(x => x.ProductCategory).Required();
        }
        RuleFor(x => x.PublishType).OneOf(PublishTypes.All);
        RuleFor(x => x.ProductName).MaxChars(200);
        RuleFor(x => x.ProductCategory)
            .Must(v => string.IsNullOrWhiteSpace(v) || MarketplaceValues.ParseIdArray(v) is { Count: <= 20 })
            .WithMessage(BadCategory).MaxChars(1000);
        RuleFor(x => x.UrlLink).MaxChars(500);
        RuleFor(x => x.Img).MaxChars(1000);
        RuleFor(x => x.CompanyName).MaxChars(200);
        RuleFor(x => x.CompanyType).MaxChars(100);
        RuleFor(x => x.ContactPerson).MaxChars(50);
        RuleFor(x => x.JobTitle).MaxChars(50);
        RuleFor(x => x.PhoneNumber).MaxChars(30);
        RuleFor(x => x.Email).MaxChars(100)
            .Must(v => string.IsNullOrWhiteSpace(v)
                       || System.Text.RegularExpressions.Regex.IsMatch(v.Trim(), @"^[^@\s]+@[^@\s]+\.[^@\s]+$"))
            .WithMessage("email 邮箱格式错误");
        RuleFor(x => x.Cpu).MaxChars(200);
        RuleFor(x => x.Memeory).MaxChars(200);
        RuleFor(x => x.Gpu).MaxChars(200);
        RuleFor(x => x.SysDisk).MaxChars(200);
        RuleFor(x => x.DataDisk).MaxChars(200);
        RuleFor(x => x.NetCard).MaxChars(200);
        RuleFor(x => x.Price).OptionalDecimal(0m, 4);
        RuleFor(x => x.Unit).MaxChars(20);
        RuleFor(x => x.Discount).OptionalDecimal(0m, 4);
        RuleFor(x => x.DiscountPrice).OptionalDecimal(0m, 4);
        RuleFor(x => x.ServiceCharge).OptionalDecimal(0m, 4);
        RuleFor(x => x.ShortTerm).OneOf(MarketplaceValues.Flags);
        RuleFor(x => x.Priority).OptionalInt(0, 1_000_000);
        RuleFor(x => x.Label).MaxChars(50);
        RuleFor(x => x.FirstPage).OneOf(MarketplaceValues.Flags);
        RuleFor(x => x.RequirementSummary).MaxChars(4000);
        RuleFor(x => x.RelatedParameters).MaxChars(4000);
        RuleFor(x => x.ApplicationScenario).MaxChars(4000);
    }

}

/// <summary>The one mapping from <see cref="IPublishProductFields"/> onto an item (add and update share it).</summary>
public static class PublishProductMapper
{
    /// <summary>
    /// Copies the given (non-null) fields onto <paramref name="p"/> (its <see cref="PublishProduct.Categories"/> must
    /// be loaded when <paramref name="categoryIds"/> is given); <c>priority</c> and <c>first_page</c> only when
    /// <paramref name="isOperator"/> (homepage placement is an operator decision).
    /// </summary>
    public static void Apply(IPublishProductFields f, PublishProduct p, IReadOnlyList<string>? categoryIds,
        bool isOperator)
    {
        static string? Opt(string? v, string? current) => v is null ? current : MarketplaceValues.Clean(v);
        static decimal? Money(string? v, decimal? current) => v is null ? current
            : string.IsNullOrWhiteSpace(v) ? null
            : decimal.Parse(v.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (MarketplaceValues.Clean(f.PublishType) is { } type) p.PublishType = type;
        if (f.CartFlag is not null) p.CartFlag = ProductCategory.NormalizeCartFlag(f.CartFlag);
        if (MarketplaceValues.Clean(f.UrlLink) is { } site) p.UrlLink = site;
        if (MarketplaceValues.Clean(f.ProductName) is { } name) p.ProductName = name;
        if (categoryIds is not null)
        {
            p.ProductCategory = JsonSerializer.Serialize(categoryIds);
            // Mutate the (loaded) collection so EF deletes removed links and inserts new ones without key clashes.
            p.Categories.RemoveAll(l => !categoryIds.Contains(l.CategoryId));
            foreach (var id in categoryIds.Where(id => p.Categories.All(l => l.CategoryId != id)))
                p.Categories.Add(new PublishProductCategory { ProductId = p.Id, CategoryId = id });
        }
        p.Img = Opt(f.Img, p.Img);
        p.CompanyName = Opt(f.CompanyName, p.CompanyName);
        p.CompanyType = Opt(f.CompanyType, p.CompanyType);
        p.ContactPerson = Opt(f.ContactPerson, p.ContactPerson);
        p.JobTitle = Opt(f.JobTitle, p.JobTitle);
        p.PhoneNumber = Opt(f.PhoneNumber, p.PhoneNumber);
        p.Email = Opt(f.Email, p.Email);
        p.Cpu = Opt(f.Cpu, p.Cpu);
        p.Memeory = Opt(f.Memeory, p.Memeory);
        p.Gpu = Opt(f.Gpu, p.Gpu);
        p.SysDisk = Opt(f.SysDisk, p.SysDisk);
        p.DataDisk = Opt(f.DataDisk, p.DataDisk);
        p.NetCard = Opt(f.NetCard, p.NetCard);
        p.Price = Money(f.Price, p.Price);
        p.Unit = Opt(f.Unit, p.Unit);
        p.Discount = Money(f.Discount, p.Discount);
        p.DiscountPrice = Money(f.DiscountPrice, p.DiscountPrice);
        p.ServiceCharge = Money(f.ServiceCharge, p.ServiceCharge);
        p.ShortTerm = Opt(f.ShortTerm, p.ShortTerm);
        p.Label = Opt(f.Label, p.Label);
        p.RequirementSummary = Opt(f.RequirementSummary, p.RequirementSummary);
        p.RelatedParameters = Opt(f.RelatedParameters, p.RelatedParameters);
        p.ApplicationScenario = Opt(f.ApplicationScenario, p.ApplicationScenario);
        if (!isOperator) return;
        if (RuleExtensions.TryInt(f.Priority, out var prio)) p.Priority = (int)prio;
        if (MarketplaceValues.Clean(f.FirstPage) is { } fp) p.FirstPage = fp;
    }
}

/// <summary>
/// The wire fields of <see cref="IPublishProductFields"/>, shared by the add and update requests. The fields from
/// <c>label</c> on carry <see cref="JsonPropertyOrderAttribute"/> only so the documented parameter order survives the
/// base (add documents <c>status</c> between <c>priority</c> and <c>label</c>).
/// </summary>
public abstract record PublishProductFieldsRequest : IPublishProductFields
{
    /// <summary>Order of the fields documented after <c>priority</c> (see the type's summary).</summary>
    protected const int AfterPriority = 2;

    /// <inheritdoc />
    public string? PublishType { get; init; }
    /// <inheritdoc />
    public string? CartFlag { get; init; }
    /// <inheritdoc />
    public string? UrlLink { get; init; }
    /// <inheritdoc />
    public string? Img { get; init; }
    /// <inheritdoc />
    public string? ProductName { get; init; }
    /// <inheritdoc />
    public string? ProductCategory { get; init; }
    /// <inheritdoc />
    public string? CompanyName { get; init; }
    /// <inheritdoc />
    public string? CompanyType { get; init; }
    /// <inheritdoc />
    public string? ContactPerson { get; init; }
    /// <inheritdoc />
    public string? JobTitle { get; init; }
    /// <inheritdoc />
    public string? PhoneNumber { get; init; }
    /// <inheritdoc />
    public string? Email { get; init; }
    /// <inheritdoc />
    public string? Cpu { get; init; }
    /// <inheritdoc />
    public string? Memeory { get; init; }
    /// <inheritdoc />
    public string? Gpu { get; init; }
    /// <inheritdoc />
    public string? SysDisk { get; init; }
    /// <inheritdoc />
    public string? DataDisk { get; init; }
    /// <inheritdoc />
    public string? NetCard { get; init; }
    /// <inheritdoc />
    public string? Price { get; init; }
    /// <inheritdoc />
    public string? Unit { get; init; }
    /// <inheritdoc />
    public string? Discount { get; init; }
    /// <inheritdoc />
    public string? DiscountPrice { get; init; }
    /// <inheritdoc />
    public string? ServiceCharge { get; init; }
    /// <inheritdoc />
    public string? ShortTerm { get; init; }
    /// <inheritdoc />
    public string? Priority { get; init; }
    /// <inheritdoc />
    [JsonPropertyOrder(AfterPriority)]
    public string? Label { get; init; }
    /// <inheritdoc />
    [JsonPropertyOrder(AfterPriority)]
    public string? FirstPage { get; init; }
    /// <inheritdoc />
    [JsonPropertyOrder(AfterPriority)]
    public string? RequirementSummary { get; init; }
    /// <inheritdoc />
    [JsonPropertyOrder(AfterPriority)]
    public string? RelatedParameters { get; init; }
    /// <inheritdoc />
    [JsonPropertyOrder(AfterPriority)]
    public string? ApplicationScenario { get; init; }
}
