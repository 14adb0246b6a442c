using Kboss.Application.Common.Models;
using Kboss.Application.Products.Catalog;
using Kboss.Application.Products.Marketplace;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 产品模板 (spec: 03-product-catalog.md; analysis/catalog.md §3.1; ADR 0008). Templates, spec data and homepage-tree
/// writes: operators and admins; leads: operators, admins and sales; homepage reads, the 未来网络 price lookup, the
/// lead form and the site search: public; product groups and the resource widgets: any logged-in user.
/// </summary>
[Tags("产品模板")]
public sealed class CatalogController(IMediator mediator) : ControllerBase
{
    /// <summary>产品模板添加</summary>
    [LegacyGet("/product/specification_template_add.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IdData>> AddTemplate([FromLegacyParams] AddSpecificationTemplate c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>产品模板查找</summary>
    [LegacyGet("/product/specification_template_search.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IReadOnlyList<SpecificationTemplateDto>>> SearchTemplates([FromLegacyParams] SearchSpecificationTemplates q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>产品模板删除</summary>
    [LegacyGet("/product/specification_template_delete.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IdData>> DeleteTemplate([FromLegacyParams] DeleteSpecificationTemplate c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>产品模板更新</summary>
    [LegacyGet("/product/specification_template_update.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<SpecificationTemplateDto>> UpdateTemplate([FromLegacyParams] UpdateSpecificationTemplate c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>未来网络产品查找</summary>
    [LegacyGet("/product/wlwl_parameter_search.dspy")]
    [AllowAnonymous]
    public ValueTask<Reply<object>> SearchWlwl([FromLegacyParams] SearchWlwlParameters q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>未来网络价格维护 (kboss addition: operators maintain the price table)</summary>
    [LegacyGet("/product/wlwl_parameter_save.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IdData>> SaveWlwl([FromLegacyParams] SaveWlwlParameter c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>规格数据增加</summary>
    [LegacyGet("/product/specific_data_add.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IdData>> AddSpecificData([FromLegacyParams] AddSpecificData c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>规格数据查找</summary>
    [LegacyGet("/product/specific_data_search.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IReadOnlyList<SpecificDataDto>>> SearchSpecificData([FromLegacyParams] SearchSpecificData q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>规格数据删除</summary>
    [LegacyGet("/product/specific_data_delete.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IdData>> DeleteSpecificData([FromLegacyParams] DeleteSpecificData c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>规格数据更新</summary>
    [LegacyGet("/product/specific_data_update.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<SpecificDataDto>> UpdateSpecificData([FromLegacyParams] UpdateSpecificData c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>产品组查询</summary>
    [LegacyGet("/product/provider_product_group.dspy")]
    public ValueTask<Reply<IReadOnlyDictionary<string, IReadOnlyList<ProductDto>>>> ProductGroups([FromLegacyParams] ProviderProductGroup q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>首页产品列表</summary>
    [LegacyGet("/product/get_firstpage_product_tree.dspy")]
    [AllowAnonymous]
    public ValueTask<Reply<IReadOnlyList<HomepageNodeDto>>> FirstpageTree([FromLegacyParams] GetFirstpageProductTree q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>首页获取基座和网络</summary>
    [LegacyGet("/product/get_firstpage_jizuonet.dspy")]
    [AllowAnonymous]
    public ValueTask<Reply<JizuoNetDto>> FirstpageJizuoNet(CancellationToken ct) => mediator.Send(new GetFirstpageJizuoNet(), ct);

    /// <summary>首页产品详情页</summary>
    [LegacyGet("/product/get_firstpage_net_detail.dspy")]
    [AllowAnonymous]
    public ValueTask<Reply<HomepageNodeDto>> FirstpageNetDetail([FromLegacyParams] GetFirstpageNetDetail q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>立即咨询添加</summary>
    [LegacyGet("/product/add_user_inquiry.dspy")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.AnonymousWrite)]
    public ValueTask<Reply<IdData>> AddInquiry([FromLegacyParams] AddUserInquiry c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>立即咨询查找</summary>
    [LegacyGet("/product/search_user_inquiry.dspy")]
    [Authorize(Policy = Policies.Sales)]
    public ValueTask<Reply<IReadOnlyList<UserInquiryDto>>> SearchInquiries([FromLegacyParams] SearchUserInquiries q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>立即咨询更新</summary>
    [LegacyGet("/product/update_user_inquiry.dspy")]
    [Authorize(Policy = Policies.Sales)]
    public ValueTask<Reply<IdData>> UpdateInquiry([FromLegacyParams] UpdateUserInquiry c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>立即咨询删除</summary>
    [LegacyGet("/product/delete_user_inquiry.dspy")]
    [Authorize(Policy = Policies.Sales)]
    public ValueTask<Reply<IdData>> DeleteInquiry([FromLegacyParams] DeleteUserInquiry c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>产品资源概览</summary>
    [LegacyGet("/product/resource_overview.dspy")]
    public ValueTask<Reply<IReadOnlyList<ResourceOverviewRow>>> ResourceOverview([FromLegacyParams] ResourceOverview q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>资源到期预警</summary>
    [LegacyGet("/product/get_resource_expire_time.dspy")]
    public ValueTask<Reply<IReadOnlyList<ExpiringResource>>> ResourceExpireTime([FromLegacyParams] GetResourceExpireTime q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>首页产品树增加</summary>
    [LegacyGet("/product/homepage_category_tree_add.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IdData>> AddHomepageNode([FromLegacyParams] AddHomepageNode c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>首页产品树查询</summary>
    [LegacyGet("/product/homepage_category_tree_search.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IReadOnlyList<HomepageNodeDto>>> SearchHomepageTree([FromLegacyParams] SearchHomepageTree q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>首页产品树更新</summary>
    [LegacyGet("/product/homepage_category_tree_update.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IdData>> UpdateHomepageNode([FromLegacyParams] UpdateHomepageNode c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>首页产品树删除</summary>
    [LegacyGet("/product/homepage_category_tree_delete.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<DeletedNodes>> DeleteHomepageNode([FromLegacyParams] DeleteHomepageNode c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>全网查找</summary>
    [LegacyGet("/product/global_search.dspy")]
    [AllowAnonymous]
    public ValueTask<Reply<PageResult<PublishProductView>>> GlobalSearch([FromLegacyParams] GlobalSearch q, CancellationToken ct) => mediator.Send(q, ct);
}
