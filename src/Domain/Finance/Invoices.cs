using System.Text.RegularExpressions;
using Kboss.Domain.Common;

namespace Kboss.Domain.Finance;

/// <summary>
/// The invoice title fields sales keep for a customer (finance.md §2.14, INV-02/03) and copy into each application.
/// <c>invoice_type</c>: 1 增值税普通发票, 2 增值税专用发票; <c>title_type</c>: 1 企业, 2 个人 (§2.14 [PROPOSED]).
/// </summary>
public sealed partial record InvoiceFields(
    string? ContractNumber, int InvoiceType, string? InvoiceTitle, string? TaxNo, string? BankName,
    string? BankAccount, string? Phone, string? ReceiverName, string? Address, string? PostCode, int TitleType)
{
    /// <summary>增值税普通发票.</summary>
    public const int Ordinary = 1;
    /// <summary>增值税专用发票: title, tax number, bank, account, address and phone required (§4.8 rule 6).</summary>
    public const int Special = 2;
    /// <summary>企业.</summary>
    public const int Enterprise = 1;
    /// <summary>个人.</summary>
    public const int Personal = 2;

    /// <summary>The rules of INV-02/03 (finance.md §3.6, §4.8): enumerations, special-VAT fields, tax number.</summary>
    public Result Check()
    {
        if (TitleType is not (Enterprise or Personal))
            return new Failure(FailureKind.InvalidArgument, "title_type参数错误", "title_type");
        if (InvoiceType is not (Ordinary or Special))
            return new Failure(FailureKind.InvalidArgument, "invoice_type参数错误", "invoice_type");
        if (InvoiceType == Special)
        {
            var missing = new (string Name, string? Value)[]
            {
                ("invoice_title", InvoiceTitle), ("tax_no", TaxNo), ("bank_name", BankName),
                ("bank_account", BankAccount), ("address", Address), ("phone", Phone),
            }.FirstOrDefault(f => string.IsNullOrWhiteSpace(f.Value));
            if (missing.Name is not null)
                return new Failure(FailureKind.InvalidArgument, $"专用发票{missing.Name}不能为空", missing.Name);
        }
        if (!string.IsNullOrEmpty(TaxNo) && !TaxNumber().IsMatch(TaxNo))
            return new Failure(FailureKind.InvalidArgument, "税号须为15到20位字母或数字", "tax_no");
        return Result.Done;
    }

    [GeneratedRegex("^[A-Za-z0-9]{15,20}$")]
    private static partial Regex TaxNumber();
}

/// <summary>
/// 客户发票信息 (table <c>customer_invoice_info</c>, finance.md §2.14): one live row per customer org, kept by the
/// sales of the customer's owner org.
/// </summary>
public sealed class CustomerInvoiceInfo : Entity, ISoftDeletable
{
    private CustomerInvoiceInfo()
    {
    }

    /// <summary>The customer's owner org (the sales side).</summary>
    public string OrgId { get; private init; } = "";
    /// <summary>客户的机构id.</summary>
    public string ClientId { get; private init; } = "";
    /// <summary>Sales user who last saved it.</summary>
    public string UserId { get; private set; } = "";
    /// <summary>合同号.</summary>
    public string? ContractNumber { get; private set; }
    /// <summary>1 普通, 2 专用.</summary>
    public int InvoiceType { get; private set; }
    /// <summary>发票抬头.</summary>
    public string? InvoiceTitle { get; private set; }
    /// <summary>税号.</summary>
    public string? TaxNo { get; private set; }
    /// <summary>开户行.</summary>
    public string? BankName { get; private set; }
    /// <summary>银行账号.</summary>
    public string? BankAccount { get; private set; }
    /// <summary>电话.</summary>
    public string? Phone { get; private set; }
    /// <summary>收件人.</summary>
    public string? ReceiverName { get; private set; }
    /// <summary>地址.</summary>
    public string? Address { get; private set; }
    /// <summary>邮编.</summary>
    public string? PostCode { get; private set; }
    /// <summary>1 企业, 2 个人.</summary>
    public int TitleType { get; private set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>The title fields.</summary>
    public InvoiceFields Fields => new(ContractNumber, InvoiceType, InvoiceTitle, TaxNo, BankName, BankAccount, Phone,
        ReceiverName, Address, PostCode, TitleType);

    /// <summary>A new row, checked (<see cref="InvoiceFields.Check"/>).</summary>
    public static Result<CustomerInvoiceInfo> Create(string orgId, string clientId, string userId, InvoiceFields fields)
    {
        var row = new CustomerInvoiceInfo { OrgId = orgId, ClientId = clientId };
        if (row.Update(userId, fields).Failure is { } failure) return failure;
        return row;
    }

    /// <summary>Replaces the fields, checked; <paramref name="userId"/> becomes the last editor.</summary>
    public Result Update(string userId, InvoiceFields fields)
    {
        if (fields.Check().Failure is { } failure) return failure;
        (ContractNumber, InvoiceType, InvoiceTitle, TaxNo, BankName, BankAccount, Phone, ReceiverName, Address,
            PostCode, TitleType) = fields;
        UserId = userId;
        return Result.Done;
    }
}

/// <summary><c>state</c> of an invoice application (finance.md §4.8 rule 7).</summary>
public static class InvoiceApplicationStates
{
    /// <summary>审批中: its recharge records are applying.</summary>
    public const string InApproval = "0";
    /// <summary>已开票/通过 (final): its records are invoiced.</summary>
    public const string Approved = "1";
    /// <summary>已驳回 (final): its records are free again.</summary>
    public const string Rejected = "2";
    /// <summary>发起审批失败 (final, kboss addition): the approval could not be started; its records are free.</summary>
    public const string SendFailed = "3";
}

/// <summary><c>invoice_state</c> of a recharge record (finance.md §2.15).</summary>
public static class RechargeInvoiceStates
{
    /// <summary>Not invoiced: may be applied for.</summary>
    public const string None = "0";
    /// <summary>In an application under approval.</summary>
    public const string Applying = "1";
    /// <summary>Invoiced.</summary>
    public const string Invoiced = "2";
}

/// <summary>
/// 开票申请 (table <c>invoice_application</c>, finance.md §2.16): an invoice over some recharge records of one
/// customer, amount = Σ of their amounts (never from the client), with a snapshot of the customer's invoice info at
/// application time. States: in approval → approved or rejected (final), or → send failed when the approval could
/// not be started; a decision on a final application changes nothing (<see cref="Decide"/>).
/// </summary>
public sealed class InvoiceApplication : Entity
{
    /// <summary>Deciding an application that is no longer in approval.</summary>
    public const string NotPendingMessage = "该开票申请不在审批中";

    private InvoiceApplication()
    {
    }

    /// <summary>Org whose approval configuration is used (the customer's owner org).</summary>
    public string OrgId { get; private init; } = "";
    /// <summary>发起人 (user id or org id, as given).</summary>
    public string Maker { get; private init; } = "";
    /// <summary>客户(机构)id.</summary>
    public string ClientId { get; private init; } = "";
    /// <summary>The logged-in user who applied.</summary>
    public string UserId { get; private init; } = "";
    /// <summary>That user's name.</summary>
    public string UserName { get; private init; } = "";
    /// <summary>Σ of the records' amounts, 元.</summary>
    public decimal Amount { get; private init; }
    /// <summary>Number of recharge records.</summary>
    public int RecordCount { get; private init; }
    /// <summary>The customer's invoice info at application time (JSON).</summary>
    public string InfoSnapshot { get; private init; } = "";
    /// <summary>Approval instance id once started.</summary>
    public string? ApvId { get; private set; }
    /// <summary><see cref="InvoiceApplicationStates"/>.</summary>
    public string State { get; private set; } = InvoiceApplicationStates.InApproval;
    /// <summary>Why the approval could not be started.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>True while the approval may still decide it.</summary>
    public bool IsPending => State == InvoiceApplicationStates.InApproval;

    /// <summary>A new application in approval.</summary>
    public static Result<InvoiceApplication> Open(string orgId, string maker, string clientId, string userId,
        string userName, decimal amount, int recordCount, string infoSnapshot)
    {
        if (recordCount < 1) return new Failure(FailureKind.InvalidArgument, "recharge_id不能为空", "recharge_id");
        if (!Money.IsValidAmount(amount)) return new Failure(FailureKind.InvalidArgument, "开票金额必须大于0");
        return new InvoiceApplication
        {
            OrgId = orgId, Maker = maker, ClientId = clientId, UserId = userId, UserName = userName, Amount = amount,
            RecordCount = recordCount, InfoSnapshot = infoSnapshot,
        };
    }

    /// <summary>Stores the approval instance id.</summary>
    public void AwaitApproval(string apvId) => ApvId = apvId;

    /// <summary>In approval → approved or rejected; refused once final.</summary>
    public Result Decide(bool approved)
    {
        if (!IsPending) return new Failure(FailureKind.Conflict, NotPendingMessage);
        State = approved ? InvoiceApplicationStates.Approved : InvoiceApplicationStates.Rejected;
        return Result.Done;
    }

    /// <summary>In approval → send failed (the approval never started).</summary>
    public Result SendFailed(string reason)
    {
        if (!IsPending) return new Failure(FailureKind.Conflict, NotPendingMessage);
        State = InvoiceApplicationStates.SendFailed;
        FailureReason = reason.Length > 500 ? reason[..500] : reason;
        return Result.Done;
    }

    /// <summary>True when the records of an application in <paramref name="state"/> stay taken (§4.8 rule 4).</summary>
    public static bool HoldsRecords(string state) =>
        state is InvoiceApplicationStates.InApproval or InvoiceApplicationStates.Approved;
}

/// <summary>
/// One recharge record of an application (table <c>invoice_application_item</c>). <see cref="Live"/> while the
/// application holds the record; a unique index on the record among live items makes a record part of at most one
/// live application whatever the concurrency (§4.8 rule 4).
/// </summary>
public sealed class InvoiceApplicationItem : Entity
{
    private InvoiceApplicationItem()
    {
    }

    /// <summary>The application.</summary>
    public string ApplicationId { get; private init; } = "";
    /// <summary>充值记录id (a ledger entry id).</summary>
    public string RechargeId { get; private init; } = "";
    /// <summary>The record's amount, 元.</summary>
    public decimal Amount { get; private init; }
    /// <summary>True while the application holds the record.</summary>
    public bool Live { get; private set; } = true;

    /// <summary>A live item.</summary>
    public static InvoiceApplicationItem Of(string applicationId, string rechargeId, decimal amount) =>
        new() { ApplicationId = applicationId, RechargeId = rechargeId, Amount = amount };

    /// <summary>Frees the record (application rejected or never started).</summary>
    public void Release() => Live = false;
}
