using Kboss.Application.Common;
using FluentValidation;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Lease;

namespace Kboss.Application.Lease;

/// <summary>The contract fields shared by save_contract and update_contract (lease.md §3A.4, §3A.5, §4.11).</summary>
public abstract record ContractFieldsRequest
{
    /// <summary>The documented body object (its fields are the other parameters).</summary>
    public string? Body { get; init; }
    /// <summary>合同标题.</summary>
    public string? Title { get; init; }
    /// <summary>Customer user (defaults to the bill's customer).</summary>
    public string? UserId { get; init; }
    /// <summary>Start (defaults to the bill's start).</summary>
    public string? StartDate { get; init; }
    /// <summary>End ≥ start (equal allowed; defaults to the bill's end).</summary>
    public string? EndDate { get; init; }
    /// <summary>Sales representative.</summary>
    public string? Salesman { get; init; }
    /// <summary>Client name.</summary>
    public string? Client { get; init; }
    /// <summary>"0" 待签, "1" 生效 (default), "2" 到期, "3" 终止.</summary>
    public string? Status { get; init; }
    /// <summary>Notes.</summary>
    public string? Remark { get; init; }
}

/// <summary>Rules of <see cref="ContractFieldsRequest"/>.</summary>
public sealed class ContractFieldsValidator : AbstractValidator<ContractFieldsRequest>
{
    public ContractFieldsValidator()
    {
        RuleFor(x => x.Title).MaxChars(200);
        RuleFor(x => x.UserId).MaxChars(32);
        RuleFor(x => x.StartDate).OptionalDate();
        RuleFor(x => x.EndDate).OptionalDate();
        RuleFor(x => x.Salesman).MaxChars(100);
        RuleFor(x => x.Client).MaxChars(200);
        RuleFor(x => x.Status).OneOf(LeaseContract.Statuses);
        RuleFor(x => x.Remark).MaxChars(500);
    }
}

/// <summary>Copies present contract fields onto a contract (dates merged with the stored ones).</summary>
public static class ContractMapper
{
    /// <summary>Applies <paramref name="r"/>; the customer <paramref name="userId"/> is resolved by the
    /// caller.</summary>
    public static void Apply(ContractFieldsRequest r, LeaseContract c, string userId, DateOnly start, DateOnly end)
    {
        if (r.Title.TrimmedOrNull() is { } title) c.Title = title;
        c.UserId = userId;
        c.SetDates(RuleExtensions.ToDate(r.StartDate) ?? start, RuleExtensions.ToDate(r.EndDate) ?? end).OrThrow();
        if (r.Salesman is not null) c.Salesman = r.Salesman.Trim();
        if (r.Client is not null) c.Client = r.Client.Trim();
        if (r.Status.TrimmedOrNull() is { } status) c.Status = status;
        if (r.Remark is not null) c.Remark = r.Remark;
    }
}
