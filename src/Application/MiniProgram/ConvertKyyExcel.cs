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
/// <c>{}</c>. Instead of <c>filepath</c> the workbook may come as a multipart part <c>file</c> (POST, at most
/// <c>Documents:MaxUploadBytes</c>, an xlsx by its content): it is kept under a generated name in the file storage
/// and that name becomes the row's <c>file_path</c>. Errors: <c>文件不存在</c> (not_found),
/// <c>文件格式错误,仅支持xlsx</c> (invalid_argument).
/// </summary>
public sealed record ConvertKyyExcel : ICommand<Reply<KyyExcelData>>, IOrgScoped, IUploadRequest
{
    /// <summary>Owner org of a new product (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>Product to update; absent: add a new one.</summary>
    public string? UpdateId { get; init; }
    /// <summary>Stored relative path of the <c>.xlsx</c> (required).</summary>
    public string? Filepath { get; init; }
    /// <summary>备注.</summary>
    public string? Remark { get; init; }

    private UploadedFile? _upload;

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public UploadedFile? Upload => _upload;

    /// <inheritdoc />
    public void Attach(UploadedFile file) => _upload = file;
}

public sealed class ConvertKyyExcelValidator : AbstractValidator<ConvertKyyExcel>
{
    public ConvertKyyExcelValidator()
    {
        RuleFor(x => x.Orgid).MaxChars(64);
        RuleFor(x => x.UpdateId).MaxChars(64);
        RuleFor(x => x.Filepath).WorkbookPath(required: false);
        RuleFor(x => x.Filepath).Must((x, path) => x.Upload is not null || !string.IsNullOrWhiteSpace(path))
            .WithMessage("请提供文件路径或上传文件");
        RuleFor(x => x.Remark).Remark();
    }
}

public sealed class ConvertKyyExcelHandler(IKbossDbContext db, ICurrentUser user, KyySupplyAccess access,
    IFileStorage storage)
    : ICommandHandler<ConvertKyyExcel, Reply<KyyExcelData>>
{
    public async ValueTask<Reply<KyyExcelData>> Handle(ConvertKyyExcel c, CancellationToken ct)
    {
        var row = c.UpdateId.TrimmedOrNull() is { } id ? await access.LoadManageableAsync(id, ct) : null;
        var (path, html) = c.Upload is { } upload
            ? await StoreAsync(upload, ct)
            : (c.Filepath!.Trim(), access.WorkbookHtml(c.Filepath!.Trim()));
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

    /// <summary>Converts the uploaded workbook, then keeps it under a generated name (nothing stored if it is not a
    /// readable xlsx).</summary>
    private async Task<(string Key, string Html)> StoreAsync(UploadedFile upload, CancellationToken ct)
    {
        string html;
        await using (var content = upload.OpenRead()) html = access.WorkbookHtml(content);
        await using var again = upload.OpenRead();
        return (await storage.SaveAsync(again, "xlsx", ct), html);
    }
}
