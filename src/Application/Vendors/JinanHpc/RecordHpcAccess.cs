using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Mediator;

namespace Kboss.Application.Vendors.JinanHpc;

/// <summary>HPC-06's answer.</summary>
public sealed record HpcAccessView(string Orgid, string? LastAccess);

/// <summary>
/// HPC-06 <c>GET /hpc/HpcAccessTime.dspy</c> 记录用户登录时间: <c>last_access</c> = now on the account bound to
/// <c>orgid</c> (用户的orgid; default the caller's, another org 403). No bound account → not_found.
/// spec: 09-jinan-hpc.md; analysis/vendors.md §3.1.
/// </summary>
public sealed record RecordHpcAccess : ICommand<Reply<HpcAccessView>>, IOrgScoped
{
    /// <summary>用户的orgid.</summary>
    public string? Orgid { get; set; }
}

public sealed class RecordHpcAccessHandler(IKbossDbContext db, JinanHpcService hpc, TimeProvider clock)
    : ICommandHandler<RecordHpcAccess, Reply<HpcAccessView>>
{
    public async ValueTask<Reply<HpcAccessView>> Handle(RecordHpcAccess c, CancellationToken ct)
    {
        var account = await hpc.BoundAsync(c.Orgid!, ct)
                      ?? throw BusinessException.NotFound("该用户未绑定超算账号");
        account.Accessed(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return Reply.Ok("记录成功", new HpcAccessView(c.Orgid!, hpc.Local(account.LastAccess)));
    }
}
