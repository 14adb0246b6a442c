using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Domain.Approval;
using Mediator;

namespace Kboss.Application.Approval;

/// <summary>
/// E11 <c>POST /apv/delete_apv_template.dspy</c> 删除审批模板: soft-deletes the live template (审批模板不存在
/// otherwise); <c>del_flg</c> is ignored. spec: analysis/platform.md §3.1 E11.
/// </summary>
public sealed record DeleteApvTemplate : ApvBodyRequest, ICommand<Reply<string>>, IByIdRequest
{
    /// <summary>Template id (required).</summary>
    public string? Id { get; init; }
    /// <summary>Ignored.</summary>
    public string? DelFlg { get; init; }
}

public sealed class DeleteApvTemplateValidator() : ByIdValidator<DeleteApvTemplate>(64);

public sealed class DeleteApvTemplateHandler(SoftDelete delete) : ICommandHandler<DeleteApvTemplate, Reply<string>>
{
    /// <summary>No live template has the id.</summary>
    public const string NotFoundMessage = "审批模板不存在";

    public async ValueTask<Reply<string>> Handle(DeleteApvTemplate c, CancellationToken ct)
    {
        var id = await delete.RunAsync(new SoftDeletion<ApvTemplate>(db => db.ApvTemplates, NotFoundMessage,
                "apv.template.deleted", "apv_template", t => new { business_id = t.BusinessId }), c.Id,
            (_, _) => ValueTask.CompletedTask, ct);
        return Reply.Ok("success", id);
    }
}
