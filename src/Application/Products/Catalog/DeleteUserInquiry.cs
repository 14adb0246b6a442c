using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Catalog;
using Mediator;

namespace Kboss.Application.Products.Catalog;

/// <summary><c>GET /product/delete_user_inquiry.dspy</c> 立即咨询删除 (operators and sales): soft delete. analysis §3.1.17.</summary>
public sealed record DeleteUserInquiry : ICommand<Reply<IdData>>
{
    /// <summary>Lead id (required).</summary>
    public string? Id { get; init; }
}

public sealed class DeleteUserInquiryValidator : AbstractValidator<DeleteUserInquiry>
{
    public DeleteUserInquiryValidator() => RuleFor(x => x.Id).Required().MaxChars(32);
}

public sealed class DeleteUserInquiryHandler(SoftDelete delete, CatalogAccess access) : ICommandHandler<DeleteUserInquiry, Reply<IdData>>
{
    private static readonly SoftDeletion<UserInquiry> What = new(db => db.UserInquiries, CatalogAccess.NotFoundMessage,
        "catalog.inquiry.deleted", "user_inquiry", x => new { x.UrlLink });

    public async ValueTask<Reply<IdData>> Handle(DeleteUserInquiry c, CancellationToken ct) =>
        Reply.Ok("删除成功", new IdData(await delete.RunAsync(What, c.Id, (x, t) => access.EnsureAsync(x.OrgId, t), ct)));
}
