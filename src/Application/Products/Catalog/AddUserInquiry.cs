using System.Text.RegularExpressions;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Catalog;
using Kboss.Domain.Marketplace;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Catalog;

/// <summary>
/// <c>GET /product/add_user_inquiry.dspy</c> 立即咨询添加 (public): a visitor leaves a lead. <c>name</c>, <c>phone</c> and
/// <c>url_link</c> are required; the phone is a mainland mobile or a landline, the email an address; <c>feedback</c>
/// from the visitor is ignored (a new lead is <c>"0"</c>). The lead belongs to the org of the related published item,
/// else to the org that owns the site (ADR 0008, 0017). analysis §3.1.14, §6 #12.
/// </summary>
public sealed record AddUserInquiry : ICommand<Reply<IdData>>
{
    /// <summary>Site (required).</summary>
    public string? UrlLink { get; init; }
    /// <summary>1 商品 / 2 需求.</summary>
    public string? PublishType { get; init; }
    /// <summary>Related item id.</summary>
    public string? RelateId { get; init; }
    /// <summary>Message.</summary>
    public string? Content { get; init; }
    /// <summary>Inquiry type (free text).</summary>
    public string? CustomType { get; init; }
    /// <summary>Contact name (required).</summary>
    public string? Name { get; init; }
    /// <summary>Phone (required).</summary>
    public string? Phone { get; init; }
    /// <summary>Company.</summary>
    public string? Company { get; init; }
    /// <summary>Email.</summary>
    public string? Email { get; init; }
    /// <summary>Ignored on add (sales set it through update).</summary>
    public string? Feedback { get; init; }
}

public sealed partial class AddUserInquiryValidator : AbstractValidator<AddUserInquiry>
{
    public AddUserInquiryValidator()
    {
        RuleFor(x => x.UrlLink).Required().MaxChars(500);
        RuleFor(x => x.Name).Required().MaxChars(50);
        RuleFor(x => x.Phone).Required().Must(v => v is null || Phone().IsMatch(v.Trim())).WithMessage("参数错误: phone 应为手机号或座机号");
        RuleFor(x => x.Email).MaxChars(200).Must(v => string.IsNullOrWhiteSpace(v) || Email().IsMatch(v.Trim())).WithMessage("参数错误: email 格式不正确");
        RuleFor(x => x.PublishType).OneOf(PublishTypes.All);
        RuleFor(x => x.RelateId).MaxChars(32);
        RuleFor(x => x.Content).MaxChars(2000);
        RuleFor(x => x.CustomType).MaxChars(50);
        RuleFor(x => x.Company).MaxChars(200);
        RuleFor(x => x.Feedback).OneOf(MarketplaceValues.Flags);
    }

    [GeneratedRegex(@"^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$")]
    private static partial Regex Phone();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();
}

/// <summary>Handles <see cref="AddUserInquiry"/>: the related item's org, else the site's owner; one save.</summary>
public sealed class AddUserInquiryHandler(IKbossDbContext db, ICurrentUser user) : ICommandHandler<AddUserInquiry, Reply<IdData>>
{
    public async ValueTask<Reply<IdData>> Handle(AddUserInquiry c, CancellationToken ct)
    {
        var site = c.UrlLink!.Trim();
        var relate = CatalogAccess.Clean(c.RelateId);
        string? org = null;
        if (relate is not null) org = await db.PublishProducts.AsNoTracking().Where(p => p.Id == relate).Select(p => p.OrgId).FirstOrDefaultAsync(ct);
        org ??= await db.Sites.AsNoTracking().Where(s => s.UrlLink == site).Select(s => s.OrgId)
            .FirstOrDefaultAsync(ct);
        var lead = new UserInquiry
        {
            UrlLink = site, OrgId = org, PublishType = CatalogAccess.Clean(c.PublishType), RelateId = relate,
            Content = c.Content?.Trim(), CustomType = CatalogAccess.Clean(c.CustomType), Name = c.Name!.Trim(), Phone = c.Phone!.Trim(),
            Company = CatalogAccess.Clean(c.Company), Email = CatalogAccess.Clean(c.Email), Feedback = "0", UserId = user.UserId,
        };
        db.UserInquiries.Add(lead);
        await db.SaveChangesAsync(ct);
        return Reply.Ok("提交成功", new IdData(lead.Id));
    }
}
