using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Security;
using Kboss.Domain.Common;
using Kboss.Domain.MiniProgram;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.MiniProgram;

/// <summary>
/// Ops supply products: rows by id for the caller's orgs, and the Excel → HTML step of <c>kyy_add_supply</c> and
/// <c>excel_to_html_with_merges</c> (analysis/platform.md §3.6 E48, E52).
/// </summary>
public sealed class KyySupplyAccess(IKbossDbContext db, OrgAccess orgs, IUploadedFiles files,
    IExcelHtmlConverter converter)
{
    /// <summary>Message for an unknown or deleted product.</summary>
    public const string NotFoundMessage = "供应产品不存在";
    /// <summary>Largest HTML kept in <c>excel_info</c> (characters).</summary>
    public const int MaxHtml = 2_000_000;

    /// <summary>The alive row <paramref name="id"/> (tracked) of an org the caller may act on.</summary>
    /// <exception cref="BusinessException">not_found.</exception>
    /// <exception cref="ForbiddenException">Another org's row.</exception>
    public async Task<KyySupply> LoadManageableAsync(string? id, CancellationToken ct)
    {
        var key = id.Trimmed();
        var row = await db.KyySupplies.FirstOrDefaultAsync(x => x.Id == key, ct)
                  ?? throw BusinessException.NotFound(NotFoundMessage);
        await EnsureCanManageAsync(row, ct);
        return row;
    }

    /// <summary>Throws 403 unless the caller may act on the row's org.</summary>
    public ValueTask EnsureCanManageAsync(KyySupply row, CancellationToken ct) =>
        orgs.EnsureCanActOnAsync(row.OrgId, "无权操作该机构的供应产品", ct);

    /// <summary>The HTML of the stored workbook <paramref name="filepath"/>.</summary>
    /// <exception cref="BusinessException">not_found: no such file; invalid_argument: not a readable xlsx.</exception>
    public string WorkbookHtml(string filepath)
    {
        using var stream = files.OpenRead(filepath) ?? throw BusinessException.NotFound("文件不存在");
        return WorkbookHtml(stream);
    }

    /// <summary>The HTML of the workbook in <paramref name="content"/>.</summary>
    /// <exception cref="RequestValidationException">Not a readable xlsx, or its tables are too large.</exception>
    public string WorkbookHtml(Stream content) =>
        converter.ToHtml(content, MaxHtml) ?? throw RequestValidationException.For("filepath",
            "文件格式错误,仅支持xlsx(且转换后的表格不超过200万字符)");
}
