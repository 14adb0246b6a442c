using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Catalog;

/// <summary>
/// <c>GET /product/get_firstpage_jizuonet.dspy</c> 首页获取基座和网络 (public, platform-wide, no parameters): the
/// sub-trees under the platform org's homepage roots named <c>基座</c> (<c>jizuo</c>) and <c>网络</c> (<c>net</c>).
/// analysis §3.1.12, §6 #10.
/// </summary>
public sealed record GetFirstpageJizuoNet : IQuery<Reply<JizuoNetDto>>;

/// <summary>The two homepage sections.</summary>
/// <param name="Jizuo">Children of the 基座 root(s).</param>
/// <param name="Net">Children of the 网络 root(s).</param>
public sealed record JizuoNetDto(IReadOnlyList<HomepageNodeDto> Jizuo, IReadOnlyList<HomepageNodeDto> Net);

/// <summary>Handles <see cref="GetFirstpageJizuoNet"/>: one query over the platform org's nodes.</summary>
public sealed class GetFirstpageJizuoNetHandler(IKbossDbContext db) : IQueryHandler<GetFirstpageJizuoNet, Reply<JizuoNetDto>>
{
    /// <summary>Root name of the compute-base section.</summary>
    public const string JizuoRoot = "基座";
    /// <summary>Root name of the network section.</summary>
    public const string NetRoot = "网络";

    public async ValueTask<Reply<JizuoNetDto>> Handle(GetFirstpageJizuoNet q, CancellationToken ct)
    {
        var all = await db.HomepageCategoryNodes.AsNoTracking()
            .Where(n => db.Organizations.Any(o => o.Id == n.OrgId && o.Kind == OrgKind.Operator && o.OwnerOrgId == null))
            .ToListAsync(ct);
        var children = all.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!);
        IReadOnlyList<HomepageNodeDto> Section(string root) => HomepageTree.Build(all, admin: false,
            all.Where(n => n.ParentId is null && n.Name == root).SelectMany(r => children[r.Id]));
        return Reply.Ok("查找成功", new JizuoNetDto(Section(JizuoRoot), Section(NetRoot)));
    }
}
