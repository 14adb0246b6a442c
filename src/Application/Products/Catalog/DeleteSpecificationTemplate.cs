using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Products.Marketplace;
using Mediator;

namespace Kboss.Application.Products.Catalog;

/// <summary><c>GET /product/specification_template_delete.dspy</c> 产品模板删除: soft delete. analysis §3.1.3.</summary>
public sealed record DeleteSpecificationTemplate : ICommand<Reply<IdData>>, IByIdRequest
{
    /// <summary>产品模板查找时返回的id (required).</summary>
    public string? Id { get; init; }
}

public sealed class DeleteSpecificationTemplateValidator() : ByIdValidator<DeleteSpecificationTemplate>(32);
