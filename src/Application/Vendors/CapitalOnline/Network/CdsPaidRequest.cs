using FluentValidation;
using Kboss.Application.Common.Validation;
using Kboss.Application.Finance.Pricing;
using Kboss.Application.Vendors.Charges;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>The kboss additions of a paid CDS request (ADR 0041): the client's key and the price it showed.</summary>
public interface ICdsPaidRequest
{
    /// <summary>Client's key of this purchase (≤ 64; same key + same request → the stored reply).</summary>
    string? IdempotencyKey { get; }
    /// <summary>The price the client showed, 元 (a consistency check: off by more than 0.01 → 价格已变化,请刷新).</summary>
    string? Amount { get; }
}

/// <summary>Rules and values of <see cref="ICdsPaidRequest"/>.</summary>
public static class CdsPaid
{
    /// <summary>Validates the kboss additions.</summary>
    public static void Rules<T>(AbstractValidator<T> v) where T : ICdsPaidRequest
    {
        v.RuleFor(x => x.IdempotencyKey).MaxChars(Domain.Vendors.VendorCharge.KeyLength);
        v.RuleFor(x => x.Amount).OptionalDecimal(0m, 2);
    }

    /// <summary>The client's amount, or null.</summary>
    public static decimal? Shown(ICdsPaidRequest r) => PricingParams.Decimal(r.Amount);
}
