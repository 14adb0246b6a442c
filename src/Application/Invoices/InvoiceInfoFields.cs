using System.Text.Json;
using FluentValidation;
using Kboss.Application.Approval;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;

namespace Kboss.Application.Invoices;

/// <summary>
/// The body fields INV-02 and INV-03 share (finance.md §2.14; example bodies of 19-invoice.md). Numbers may come as
/// JSON numbers or strings.
/// </summary>
public abstract record InvoiceInfoFields
{
    /// <summary>The documented body object (its fields are the other parameters). A property of its own, not
    /// <see cref="ApvBodyRequest"/>'s: OpenAPI flattens one level of request bases.</summary>
    public string? Body { get; init; }
    /// <summary>Org of the salesperson (informational: the customer's owner org is used).</summary>
    public string? Orgid { get; init; }
    /// <summary>Sales user id (informational: the caller is recorded).</summary>
    public string? UserId { get; init; }
    /// <summary>客户的机构id.</summary>
    public string? ClientId { get; init; }
    /// <summary>合同号.</summary>
    public string? ContractNumber { get; init; }
    /// <summary>1 增值税普通发票 (default), 2 增值税专用发票.</summary>
    public string? InvoiceType { get; init; }
    /// <summary>发票抬头.</summary>
    public string? InvoiceTitle { get; init; }
    /// <summary>税号 (15–20 letters or digits).</summary>
    public string? TaxNo { get; init; }
    /// <summary>开户行.</summary>
    public string? BankName { get; init; }
    /// <summary>银行账号.</summary>
    public string? BankAccount { get; init; }
    /// <summary>电话.</summary>
    public string? Phone { get; init; }
    /// <summary>收件人.</summary>
    public string? ReceiverName { get; init; }
    /// <summary>地址.</summary>
    public string? Address { get; init; }
    /// <summary>邮编.</summary>
    public string? PostCode { get; init; }
    /// <summary>1 企业 (default), 2 个人.</summary>
    public string? TitleType { get; init; }
}

/// <summary>Rules shared by INV-02 and INV-03 (the domain checks the combinations, <see cref="InvoiceFields.Check"/>).</summary>
public abstract class InvoiceInfoFieldsValidator<T> : AbstractValidator<T> where T : InvoiceInfoFields
{
    protected InvoiceInfoFieldsValidator()
    {
        RuleFor(x => x.Orgid).MaxChars(32);
        RuleFor(x => x.UserId).MaxChars(32);
        RuleFor(x => x.ClientId).MaxChars(32);
        RuleFor(x => x.ContractNumber).MaxChars(100);
        RuleFor(x => x.InvoiceType).OptionalInt(InvoiceFields.Ordinary, InvoiceFields.Special);
        RuleFor(x => x.InvoiceTitle).MaxChars(200);
        RuleFor(x => x.TaxNo).MaxChars(20);
        RuleFor(x => x.BankName).MaxChars(200);
        RuleFor(x => x.BankAccount).MaxChars(50);
        RuleFor(x => x.Phone).MaxChars(30);
        RuleFor(x => x.ReceiverName).MaxChars(50);
        RuleFor(x => x.Address).MaxChars(300);
        RuleFor(x => x.PostCode).MaxChars(20);
        RuleFor(x => x.TitleType).OptionalInt(InvoiceFields.Enterprise, InvoiceFields.Personal);
    }
}

/// <summary>Request → <see cref="InvoiceFields"/>, and the snapshot an application keeps.</summary>
public static class InvoiceInfoMapper
{
    private static readonly JsonSerializerOptions Snake = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>The fields of <paramref name="r"/>: a given value replaces (empty clears), an absent one keeps
    /// <paramref name="current"/>'s (or the default 1 of the two types).</summary>
    public static InvoiceFields Fields(InvoiceInfoFields r, InvoiceFields? current)
    {
        string? Text(string? given, string? now) => given is null ? now : given.TrimmedOrNull();
        int Number(string? given, int? now) =>
            RuleExtensions.TryInt(given, out var n) ? (int)n : now ?? InvoiceFields.Ordinary;
        return new InvoiceFields(Text(r.ContractNumber, current?.ContractNumber),
            Number(r.InvoiceType, current?.InvoiceType), Text(r.InvoiceTitle, current?.InvoiceTitle),
            Text(r.TaxNo, current?.TaxNo), Text(r.BankName, current?.BankName),
            Text(r.BankAccount, current?.BankAccount), Text(r.Phone, current?.Phone),
            Text(r.ReceiverName, current?.ReceiverName), Text(r.Address, current?.Address),
            Text(r.PostCode, current?.PostCode), Number(r.TitleType, current?.TitleType));
    }

    /// <summary>The snapshot stored on an application: the info's fields and the customer's name, snake_case JSON.</summary>
    public static string Snapshot(CustomerInvoiceInfo info, string orgname)
    {
        var node = JsonSerializer.SerializeToNode(info.Fields, Snake)!.AsObject();
        node["client_id"] = info.ClientId;
        node["orgname"] = orgname;
        return node.ToJsonString(Snake);
    }
}

/// <summary>A customer with its invoice info (all info fields null when none was saved).</summary>
/// <param name="Id">Info row id (null: none yet).</param>
/// <param name="ClientId">Customer org.</param>
/// <param name="Orgname">Its name.</param>
/// <param name="UserId">Sales user who last saved it.</param>
/// <param name="ContractNumber">合同号.</param>
/// <param name="InvoiceType">1 普通, 2 专用.</param>
/// <param name="InvoiceTitle">发票抬头.</param>
/// <param name="TaxNo">税号.</param>
/// <param name="BankName">开户行.</param>
/// <param name="BankAccount">银行账号.</param>
/// <param name="Phone">电话.</param>
/// <param name="ReceiverName">收件人.</param>
/// <param name="Address">地址.</param>
/// <param name="PostCode">邮编.</param>
/// <param name="TitleType">1 企业, 2 个人.</param>
public sealed record InvoiceInfoView(string? Id, string ClientId, string Orgname, string? UserId,
    string? ContractNumber, int? InvoiceType, string? InvoiceTitle, string? TaxNo, string? BankName,
    string? BankAccount, string? Phone, string? ReceiverName, string? Address, string? PostCode, int? TitleType)
{
    /// <summary>The view of <paramref name="row"/> (or an empty one) for customer <paramref name="clientId"/>.</summary>
    public static InvoiceInfoView Of(string clientId, string orgname, CustomerInvoiceInfo? row) => row is null
        ? new(null, clientId, orgname, null, null, null, null, null, null, null, null, null, null, null, null)
        : new(row.Id, clientId, orgname, row.UserId, row.ContractNumber, row.InvoiceType, row.InvoiceTitle, row.TaxNo,
            row.BankName, row.BankAccount, row.Phone, row.ReceiverName, row.Address, row.PostCode, row.TitleType);
}
