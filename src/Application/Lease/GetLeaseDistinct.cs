using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Lease;

/// <summary>
/// <c>POST /lease/get_distinct.dspy</c> 获取去重后字段信息: for each field of <c>distinct</c> (whitelist
/// <see cref="LeaseDeviceFields"/>), the distinct non-empty values in use on the devices the caller may see (§6 A-39),
/// sorted, at most <see cref="MaxValues"/> each. Replies <c>{"&lt;field&gt;": [values]}</c>. Message:
/// <c>不支持的字段: &lt;field&gt;</c>. spec: 15-server-lease.md; lease.md §3A.18.
/// </summary>
public sealed record GetLeaseDistinct : LeaseBodyRequest, IQuery<Reply<IReadOnlyDictionary<string, List<string>>>>
{
    /// <summary>Values listed per field.</summary>
    public const int MaxValues = 500;

    /// <summary>Fields (1–20).</summary>
    public IReadOnlyList<string?>? Distinct { get; init; }
}

public sealed class GetLeaseDistinctValidator : AbstractValidator<GetLeaseDistinct>
{
    public GetLeaseDistinctValidator() =>
        RuleFor(x => x.Distinct).Cascade(CascadeMode.Stop)
            .Must(d => d is { Count: > 0 and <= 20 }).WithMessage("缺少必要参数: distinct")
            .Must(d => d!.All(f => f is not null && LeaseDeviceFields.Text.ContainsKey(f.Trim())))
            .WithMessage(x => LeaseDeviceFields.Unsupported(
                x.Distinct!.First(f => f is null || !LeaseDeviceFields.Text.ContainsKey(f.Trim())) ?? ""));
}

public sealed class GetLeaseDistinctHandler(IKbossDbContext db, LeaseAccess access)
    : IQueryHandler<GetLeaseDistinct, Reply<IReadOnlyDictionary<string, List<string>>>>
{
    public async ValueTask<Reply<IReadOnlyDictionary<string, List<string>>>> Handle(GetLeaseDistinct q,
        CancellationToken ct)
    {
        var devices = LeaseDeviceFields.Join(db, await access.VisibleSellersAsync(ct));
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var field in q.Distinct!.Select(f => f!.Trim()).Distinct())
            values[field] = await devices.Select(LeaseDeviceFields.Text[field]).Where(v => v != null && v != "")
                .Distinct().OrderBy(v => v).Take(GetLeaseDistinct.MaxValues).Select(v => v!).ToListAsync(ct);
        return Reply.Ok("获取去重字段成功", (IReadOnlyDictionary<string, List<string>>)values);
    }
}
