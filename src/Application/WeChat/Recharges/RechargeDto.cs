using Kboss.Application.Common.Interfaces;
using Kboss.Domain.WeChat;

namespace Kboss.Application.WeChat.Recharges;

/// <summary>A recharge as E41 and E42 show it.</summary>
/// <param name="RechargeLogdictId">向查询接口传递: the id to poll with.</param>
/// <param name="State">pending, paid, closed or failed.</param>
/// <param name="TradeState">WeChat's trade_state (NOTPAY, SUCCESS, CLOSED, PAYERROR, …).</param>
/// <param name="Total">Amount in fen.</param>
/// <param name="Amount">Amount in yuan.</param>
/// <param name="TradeType">NATIVE or JSAPI.</param>
/// <param name="CodeUrl">Native: the link to show as a QR code.</param>
/// <param name="PrepayId">JSAPI: the prepay id.</param>
/// <param name="Jsapi">JSAPI: the signed parameters for wx.requestPayment (only in E41's answer).</param>
/// <param name="Userid">充值用户id.</param>
/// <param name="Orgid">The customer org credited.</param>
/// <param name="PaidAt">When WeChat says it was paid.</param>
/// <param name="FailureReason">Why it failed or closed.</param>
/// <param name="CreateAt">Created.</param>
public sealed record RechargeDto(string RechargeLogdictId, string State, string TradeState, int Total, decimal Amount,
    string TradeType, string? CodeUrl, string? PrepayId, JsapiPayment? Jsapi, string Userid, string Orgid,
    DateTime? PaidAt, string FailureReason, DateTime CreateAt)
{
    /// <summary>The DTO of <paramref name="r"/>.</summary>
    public static RechargeDto From(RechargeRecord r, JsapiPayment? jsapi = null) => new(r.Id, r.State, r.TradeState,
        r.TotalFen, r.Amount, r.TradeType, r.CodeUrl, r.PrepayId, jsapi, r.UserId, r.OrgId, r.PaidAt, r.FailureReason,
        r.CreateAt);
}
