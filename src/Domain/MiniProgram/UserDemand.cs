using System.Linq.Expressions;
using Kboss.Domain.Common;

namespace Kboss.Domain.MiniProgram;

/// <summary>
/// 用户需求 (analysis/platform.md §2.6, E46): a user's demand listing of the mini-program, read-only here.
/// </summary>
public sealed class UserDemand : Entity
{
    /// <summary>Owner.</summary>
    public string? Userid { get; set; }
    /// <summary>Remark.</summary>
    public string? Remark { get; set; }
    /// <summary>Company.</summary>
    public string? Companyid { get; set; }
    /// <summary>Title.</summary>
    public string? Demandtitle { get; set; }
    /// <summary>Description.</summary>
    public string? Demanddesc { get; set; }
    /// <summary>Brand wanted.</summary>
    public string? Brandname { get; set; }
    /// <summary>Model wanted.</summary>
    public string? Modelname { get; set; }
    /// <summary>Demand type.</summary>
    public string? Demandtype { get; set; }
    /// <summary>Province.</summary>
    public string? Provincename { get; set; }
    /// <summary>City.</summary>
    public string? Cityname { get; set; }
    /// <summary>Budget.</summary>
    public string? Budgetprice { get; set; }
    /// <summary>Demand period start.</summary>
    public string? Demandbegin { get; set; }
    /// <summary>Demand period end.</summary>
    public string? Demandend { get; set; }
    /// <summary>End time.</summary>
    public string? Endtime { get; set; }
    /// <summary>Status.</summary>
    public string? Status { get; set; }
    /// <summary>Contact person.</summary>
    public string? Contactuser { get; set; }
    /// <summary>Contact mobile (personal data: logged-in readers only, §4.10).</summary>
    public string? Contactusermobile { get; set; }
    /// <summary>Sort order (numeric text).</summary>
    public string? Ordernum { get; set; }
    /// <summary>Recommended flag.</summary>
    public string? Recommendstatus { get; set; }
    /// <summary>Price unit.</summary>
    public string? Priceunit { get; set; }
    /// <summary><c>del_flg</c>: null or <c>"0"</c> alive (the spec's rows carry null), <c>"1"</c> deleted.</summary>
    public string? DelFlg { get; set; }

    /// <summary>Alive rows: <c>del_flg</c> null or <c>"0"</c> (analysis §4.10, §7 #44).</summary>
    public static Expression<Func<UserDemand, bool>> Alive => x => x.DelFlg == null || x.DelFlg == DelFlag.Alive;
}
