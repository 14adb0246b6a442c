using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.MiniProgram;
using Mediator;

namespace Kboss.Application.MiniProgram;

/// <summary>
/// <c>GET /operation/excel_to_html_with_merges.dspy</c> 运维单独上传excel (analysis/platform.md E52; ops, operators,
/// admins): converts the stored <c>.xlsx</c> at <c>filepath</c> to HTML tables that keep merged cells
/// (<c>rowspan</c>/<c>colspan</c>), every cell value HTML-escaped, and stores it in product <c>update_id</c> (of an org
/// the caller may act on) or, without <c>update_id</c>, in a new product of <c>orgid</c> with <c>basic_info</c>
/// <c>{}</c>. Errors: <c>文件不存在</c> (not_found), <c>文件格式错误,仅支持xlsx</c> (invalid_argument).
/// </summary>
public sealed record ConvertKyyExcel : ICommand<Reply<KyyExcelData>>, IOrgScoped
{
    /// <summary>Owner org of a new product (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>Product to update; absent: add a new one.</summary>
    public string? UpdateId { get; init; }
    /// <summary>Stored relative path of the <c>.xlsx</c> (required).</summary>
    public string? Filepath { get; init; }
    /// <summary>备注.</summary>
    public string? Remark { get; init; }
}

public sealed class ConvertKyyExcelValidator : AbstractValidator<ConvertKyyExcel>
{
    public ConvertKyyExcelValidator()
    {
        RuleFor(x => x.Orgid).MaxChars(64);
        RuleFor(x => x.UpdateId).MaxChars(64);
        RuleFor(x => x.Filepath).WorkbookPath(required: true);
        RuleFor(x => x.Remark).Remark();
    }
}

public sealed class ConvertKyyExcelHandler(IKbossDbContext db, ICurrentUser user, KyySupplyAccess access)
    : ICommandHandler<ConvertKyyExcel, Reply<KyyExcelData>>
{
    public async ValueTask<Reply<KyyExcelData>> Handle(ConvertKyyExcel c, CancellationToken ct)
    {
        var row = c.UpdateId.TrimmedOrNull() is { } id ? await access.LoadManageableAsync(id, ct) : null;
        var path = c.Filepath!.Trim();
        var html = access.WorkbookHtml(path);
        if (row is null)
        {
            row = KyySupply.Create(c.Orgid!, "{}", null).OrThrow();
            db.KyySupplies.Add(row);
        }
        row.AttachWorkbook(path, html, c.Remark?.Trim());
        db.AuditEntries.Add(Audit.Entry(user, "ops.kyy_supply.excel", "kyy_supply", row.Id,
            new { row.OrgId, row.FilePath }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("上传成功", new KyyExcelData(row.Id, html));
    }
}
