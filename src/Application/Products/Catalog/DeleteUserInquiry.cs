using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Products.Marketplace;
using Mediator;

namespace Kboss.Application.Products.Catalog;

/// <summary><c>GET /product/delete_user_inquiry.dspy</c> 立即咨询删除 (operators and sales): soft delete. analysis §3.1.17.</summary>
public sealed record DeleteUserInquiry : ICommand<Reply<IdData>>, IByIdRequest
{
    /// <summary>Lead id (required).</summary>
    public string? Id { get; init; }
}

public sealed class DeleteUserInquiryValidator() : ByIdValidator<DeleteUserInquiry>(32);
