using Kboss.Application.Common.Models;
using Kboss.Application.Products.Categories;
using Kboss.Application.Products.Marketplace;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 产品模板/供需广场 (spec: 04-marketplace.md; analysis/catalog.md §3.2). Category writes: operators and admins; category
/// reads, the square/homepage list and the front-end detail: public; publishing, the back office and updates: any
/// logged-in user (rights decided per item). <c>publish_product_to_excel</c> and <c>publish_product_search?to_excel=1</c> answer an xlsx file (operators).
/// </summary>
[Tags("产品模板/供需广场")]
public sealed class MarketplaceController(IMediator mediator) : ControllerBase
{
    /// <summary>公司类别添加</summary>
    [LegacyGet("/product/company_category_add.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IdData>> AddCompanyCategory([FromLegacyParams] AddCompanyCategory c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>公司类别查找</summary>
    [LegacyGet("/product/company_category_search.dspy")]
    [AllowAnonymous]
    public ValueTask<Reply<IReadOnlyList<CompanyCategoryDto>>> SearchCompanyCategories([FromLegacyParams] SearchCompanyCategories q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>公司类别更新</summary>
    [LegacyGet("/product/company_category_update.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<CompanyCategoryDto>> UpdateCompanyCategory([FromLegacyParams] UpdateCompanyCategory c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>公司类别删除</summary>
    [LegacyGet("/product/company_category_delete.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IdData>> DeleteCompanyCategory([FromLegacyParams] DeleteCompanyCategory c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>所属类别添加</summary>
    [LegacyGet("/product/product_category_add.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IdData>> AddProductCategory([FromLegacyParams] AddProductCategory c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>所属类别查找</summary>
    [LegacyGet("/product/product_category_search.dspy")]
    [AllowAnonymous]
    public ValueTask<Reply<IReadOnlyList<CategoryNode>>> SearchProductCategories([FromLegacyParams] SearchProductCategories q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>所属类别更新</summary>
    [LegacyGet("/product/product_category_update.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IdData>> UpdateProductCategory([FromLegacyParams] UpdateProductCategory c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>所属类别删除</summary>
    [LegacyGet("/product/product_category_delete.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<DeletedCategory>> DeleteProductCategory([FromLegacyParams] DeleteProductCategory c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>(商品|需求)发布增加</summary>
    [LegacyGet("/product/publish_product_add.dspy")]
    public ValueTask<Reply<PublishStateDto>> AddPublishProduct([FromLegacyParams] AddPublishProduct c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>(商品|需求)发布查找-首页</summary>
    [LegacyGet("/product/publish_product_search_first_page.dspy")]
    [AllowAnonymous]
    public ValueTask<Reply<PageResult<PublishProductView>>> SearchFirstPage([FromLegacyParams] SearchFirstPage q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>(商品|需求)管理查找</summary>
    [LegacyGet("/product/publish_product_search.dspy")]
    public ValueTask<Reply<PageResult<PublishProductAdminView>>> SearchPublishProducts([FromLegacyParams] SearchPublishProducts q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>(商品|需求)查找详情</summary>
    [LegacyGet("/product/publish_product_search_detail.dspy")]
    [AllowAnonymous]
    public ValueTask<Reply<PublishProductDetailView>> Detail([FromLegacyParams] GetPublishProductDetail q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>(商品|需求)更新</summary>
    [LegacyGet("/product/publish_product_update.dspy")]
    public ValueTask<Reply<PublishStateDto>> UpdatePublishProduct([FromLegacyParams] UpdatePublishProduct c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>(商品|需求) 导出 单条/多条 (an xlsx file)</summary>
    [LegacyGet("/product/publish_product_to_excel.dspy")]
    [Authorize(Policy = Policies.Operator)]
    [Produces(FileDownload.Xlsx, "application/json")]
    public ValueTask<Reply<IdData>> Export([FromLegacyParams] ExportPublishProducts q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>首页产品类查找</summary>
    [LegacyGet("/product/homepage_product_category.dspy")]
    [AllowAnonymous]
    public ValueTask<Reply<IReadOnlyList<CategoryNode>>> HomepageCategories([FromLegacyParams] HomepageProductCategories q, CancellationToken ct) => mediator.Send(q, ct);
}
