using System.Linq.Expressions;
using Kboss.Domain.Common;

namespace Kboss.Domain.MiniProgram;

/// <summary>
/// 用户供给 (analysis/platform.md §2.6, E45): a user's supply listing of the mini-program, read-only here (written by
/// the mini-program's own tools). Every field is text as in the legacy table; prefixes group rack (<c>frame*</c>),
/// bandwidth (<c>bw*</c>), GPU (<c>gpu*</c>) and goods (<c>goods*</c>) supply.
/// </summary>
public sealed class UserSupply : Entity
{
    /// <summary>Creator.</summary>
    public string? Createby { get; set; }
    /// <summary>Owner user id.</summary>
    public string? Userid { get; set; }
    /// <summary>Remark.</summary>
    public string? Remark { get; set; }
    /// <summary>Company id.</summary>
    public string? Companyid { get; set; }
    /// <summary>Supply title.</summary>
    public string? Supplytitle { get; set; }
    /// <summary>Description.</summary>
    public string? Supplydesc { get; set; }
    /// <summary>Supply type (rack / bandwidth / GPU / goods).</summary>
    public string? Supplytype { get; set; }
    /// <summary>Province.</summary>
    public string? Provincename { get; set; }
    /// <summary>City.</summary>
    public string? Cityname { get; set; }
    /// <summary>Rack power-supply method.</summary>
    public string? Framepowerway { get; set; }
    /// <summary>Rack power (kW).</summary>
    public string? Framepower { get; set; }
    /// <summary>Rack height (U).</summary>
    public string? Frameheight { get; set; }
    /// <summary>Rack price.</summary>
    public string? Frameprice { get; set; }
    /// <summary>Quantity offered.</summary>
    public string? Supplynum { get; set; }
    /// <summary>Supply period start.</summary>
    public string? Supplybegin { get; set; }
    /// <summary>Supply period end.</summary>
    public string? Supplyend { get; set; }
    /// <summary>End time.</summary>
    public string? Endtime { get; set; }
    /// <summary>Status.</summary>
    public string? Status { get; set; }
    /// <summary>Bandwidth carrier (电信/联通/移动).</summary>
    public string? Bwoperator { get; set; }
    /// <summary>Route type (BGP / single line).</summary>
    public string? Bwroutetype { get; set; }
    /// <summary>Bandwidth price.</summary>
    public string? Bwbandwidthprice { get; set; }
    /// <summary>Bandwidth amount.</summary>
    public string? Bwbandwidthnum { get; set; }
    /// <summary>IP price.</summary>
    public string? Bwipprice { get; set; }
    /// <summary>IP price unit.</summary>
    public string? Bwippriceunit { get; set; }
    /// <summary>IP count.</summary>
    public string? Bwipnum { get; set; }
    /// <summary>Compute capability type (training/inference).</summary>
    public string? Gpuabilitytype { get; set; }
    /// <summary>Compute offered (PFLOPS).</summary>
    public string? Gpuapplypflops { get; set; }
    /// <summary>GPU resource form.</summary>
    public string? Gpuresource { get; set; }
    /// <summary>GPU model.</summary>
    public string? Gputype { get; set; }
    /// <summary>GPU network (IB/RoCE).</summary>
    public string? Gpunet { get; set; }
    /// <summary>GPU count.</summary>
    public string? Gpunum { get; set; }
    /// <summary>Usage scenario.</summary>
    public string? Gpuoccasion { get; set; }
    /// <summary>GPU price.</summary>
    public string? Gpuprice { get; set; }
    /// <summary>Supply node id.</summary>
    public string? Supplynodeid { get; set; }
    /// <summary>Node data id.</summary>
    public string? Nodedataid { get; set; }
    /// <summary>Sort order (numeric text).</summary>
    public string? Ordernum { get; set; }
    /// <summary>Recommended flag.</summary>
    public string? Recommendstatus { get; set; }
    /// <summary>Price unit.</summary>
    public string? Priceunit { get; set; }
    /// <summary>Brand.</summary>
    public string? Brandname { get; set; }
    /// <summary>Model.</summary>
    public string? Modelname { get; set; }
    /// <summary>Info picture URL.</summary>
    public string? Infopicurl { get; set; }
    /// <summary>Goods type.</summary>
    public string? Goodstype { get; set; }
    /// <summary>Goods quantity.</summary>
    public string? Goodsnumber { get; set; }
    /// <summary>Goods price.</summary>
    public string? Goodsprice { get; set; }
    /// <summary>Goods location.</summary>
    public string? Goodsaddress { get; set; }
    /// <summary>Contact person.</summary>
    public string? Contactuser { get; set; }
    /// <summary>Contact mobile (personal data: logged-in readers only, §4.10).</summary>
    public string? Contactusermobile { get; set; }
    /// <summary>Company name.</summary>
    public string? Companyname { get; set; }
    /// <summary>Batch number.</summary>
    public string? Batchnum { get; set; }
    /// <summary>Expiry time.</summary>
    public string? Expiretime { get; set; }
    /// <summary>Arrival time.</summary>
    public string? Arrivetime { get; set; }
    /// <summary><c>del_flg</c>: null or <c>"0"</c> alive (the spec's rows carry null), <c>"1"</c> deleted.</summary>
    public string? DelFlg { get; set; }

    /// <summary>Alive rows: <c>del_flg</c> null or <c>"0"</c> (analysis §4.10, §7 #44).</summary>
    public static Expression<Func<UserSupply, bool>> Alive => x => x.DelFlg == null || x.DelFlg == DelFlag.Alive;
}
