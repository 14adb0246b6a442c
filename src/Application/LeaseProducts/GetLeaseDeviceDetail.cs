using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Lease;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.LeaseProducts;

/// <summary>
/// <c>POST /lease_product/get_server_detail.dspy</c> 获取设备详情: a lease record the caller may see (staff: of orgs
/// they manage; customers: of their operating org) with its <c>parameter</c> list in the saved order. <c>server_id</c>
/// is required in practice (§6 A-18); the commented-out <c>id</c> is accepted as an alias. Messages:
/// <c>设备不存在</c>, <c>缺少必要参数: server_id</c>. spec: 20-lease-productization.md; lease.md §3B.4.
/// </summary>
public sealed record GetLeaseDeviceDetail : LeaseBodyRequest, IQuery<Reply<LeaseDeviceView>>
{
    /// <summary>设备id.</summary>
    public string? ServerId { get; init; }
    /// <summary>Older name of <see cref="ServerId"/>.</summary>
    public string? Id { get; init; }
}

public sealed class GetLeaseDeviceDetailValidator : AbstractValidator<GetLeaseDeviceDetail>
{
    public GetLeaseDeviceDetailValidator()
    {
        RuleFor(x => x.ServerId).Must((x, v) => !string.IsNullOrWhiteSpace(v) || !string.IsNullOrWhiteSpace(x.Id))
            .WithMessage(RuleExtensions.Missing("server_id"));
        RuleFor(x => x.ServerId).MaxChars(32);
        RuleFor(x => x.Id).MaxChars(32);
    }
}

public sealed class GetLeaseDeviceDetailHandler(LeaseRecords records)
    : IQueryHandler<GetLeaseDeviceDetail, Reply<LeaseDeviceView>>
{
    public async ValueTask<Reply<LeaseDeviceView>> Handle(GetLeaseDeviceDetail q, CancellationToken ct)
    {
        var id = q.ServerId.TrimmedOrNull() ?? q.Id.Trimmed();
        var device = await (await records.VisibleAsync(ct)).Include(d => d.Parameters)
                         .FirstOrDefaultAsync(d => d.Id == id, ct)
                     ?? throw BusinessException.NotFound(LeaseRecords.NoRecord);
        return Reply.Ok("获取设备详情成功", LeaseDeviceView.From(device));
    }
}
