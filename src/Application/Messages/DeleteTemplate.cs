using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Messages;
using Mediator;

namespace Kboss.Application.Messages;

/// <summary>
/// <c>POST /message/delmsg_config.dspy</c> 删除站内信模板 (analysis/platform.md §3.2 E25): soft-deletes template
/// <c>id</c> of an org the caller may act on (another org's → 403; unknown: <c>模板不存在</c>). Messages of its type
/// may then be sent again (no template = allowed, §4.2).
/// </summary>
public sealed record DeleteTemplate : ICommand<Reply<IdData>>, IByIdRequest
{
    /// <summary>Template id (required).</summary>
    public string? Id { get; init; }
}

public sealed class DeleteTemplateValidator() : ByIdValidator<DeleteTemplate>(64);

public sealed class DeleteTemplateHandler(SoftDelete delete, TemplateAccess templates)
    : ICommandHandler<DeleteTemplate, Reply<IdData>>
{
    private static readonly SoftDeletion<MessageTemplate> Rows = new(db => db.MessageTemplates,
        TemplateAccess.NotFound, "message.template.deleted", "msg_config", t => new { t.OrgId, t.MsgType });

    public async ValueTask<Reply<IdData>> Handle(DeleteTemplate c, CancellationToken ct) =>
        Reply.Ok("删除成功", new IdData(await delete.RunAsync(Rows, c.Id, templates.EnsureCanManageAsync, ct)));
}
