using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Catalog;
using Kboss.Domain.Common;
using Mediator;

namespace Kboss.Application.Products.Catalog;

/// <summary>
/// The catalog's soft deletes (<see cref="DeleteSpecificData"/>, <see cref="DeleteSpecificationTemplate"/>,
/// <see cref="DeleteUserInquiry"/>): one handler over <see cref="SoftDelete"/>, a row of this table per endpoint.
/// A row of an org the caller may not act on is 403 (<see cref="CatalogAccess.EnsureCanActOnAsync"/>); reply
/// <c>删除成功</c> with <c>{"id"}</c>.
/// </summary>
public sealed class CatalogSoftDeleteHandler(SoftDelete delete, CatalogAccess access)
    : ICommandHandler<DeleteSpecificData, Reply<IdData>>,
      ICommandHandler<DeleteSpecificationTemplate, Reply<IdData>>,
      ICommandHandler<DeleteUserInquiry, Reply<IdData>>
{
    private const string Missing = CatalogAccess.NotFoundMessage;

    private static readonly SoftDeletion<SpecificData> SpecificDataRows =
        new(db => db.SpecificDatas, Missing, "catalog.spec_data.deleted", "specific_data", x => new { x.ProductId });

    private static readonly SoftDeletion<SpecificationTemplate> TemplateRows =
        new(db => db.SpecificationTemplates, Missing, "catalog.template.deleted", "specification_template",
            x => new { x.OrgId });

    private static readonly SoftDeletion<UserInquiry> InquiryRows =
        new(db => db.UserInquiries, Missing, "catalog.inquiry.deleted", "user_inquiry", x => new { x.UrlLink });

    public ValueTask<Reply<IdData>> Handle(DeleteSpecificData c, CancellationToken ct) =>
        RunAsync(SpecificDataRows, c, x => x.OrgId, ct);

    public ValueTask<Reply<IdData>> Handle(DeleteSpecificationTemplate c, CancellationToken ct) =>
        RunAsync(TemplateRows, c, x => x.OrgId, ct);

    public ValueTask<Reply<IdData>> Handle(DeleteUserInquiry c, CancellationToken ct) =>
        RunAsync(InquiryRows, c, x => x.OrgId, ct);

    private async ValueTask<Reply<IdData>> RunAsync<T>(SoftDeletion<T> what, IByIdRequest c, Func<T, string?> org,
        CancellationToken ct) where T : Entity, ISoftDeletable =>
        Reply.Ok("删除成功",
            new IdData(await delete.RunAsync(what, c.Id, (x, t) => access.EnsureCanActOnAsync(org(x), t), ct)));
}
