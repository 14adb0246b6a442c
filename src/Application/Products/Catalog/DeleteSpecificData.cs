using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Products.Marketplace;
using Mediator;

namespace Kboss.Application.Products.Catalog;

/// <summary><c>GET /product/specific_data_delete.dspy</c> 规格数据删除: soft delete. analysis §3.1.8.</summary>
public sealed record DeleteSpecificData : ICommand<Reply<IdData>>, IByIdRequest
{
    /// <summary>Record id (required).</summary>
    public string? Id { get; init; }
}

public sealed class DeleteSpecificDataValidator() : ByIdValidator<DeleteSpecificData>(32);
